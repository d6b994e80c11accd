package org.automlzero.core.algorithm;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact, exact binary form of algorithms for moving whole populations between the driver and
 * workers (the island-stage mode): every field of every instruction, bit for bit. Not a file
 * format (that is {@link AlgorithmJson}); both ends run the same build.
 *
 * <p>Per instruction: the op id, a flags byte, the three addresses (one byte each when all fit,
 * else two), then only the fields whose bits are not all zero (activation, d0, d1, d2). Most
 * instructions carry no constant, so an instruction takes 5 bytes instead of 27.
 */
public final class AlgorithmCodec {
  private AlgorithmCodec() {}

  private static final int ACTIVATION = 1;
  private static final int D0 = 2;
  private static final int D1 = 4;
  private static final int D2 = 8;
  private static final int WIDE = 16;

  public static void write(Algorithm algorithm, DataOutput out) throws IOException {
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = algorithm.function(type);
      out.writeShort(function.size());
      for (Instruction in : function) {
        long activation = Double.doubleToRawLongBits(in.activation());
        int d0 = Float.floatToRawIntBits(in.d0());
        int d1 = Float.floatToRawIntBits(in.d1());
        int d2 = Float.floatToRawIntBits(in.d2());
        boolean wide = (in.in1() | in.in2() | in.out()) > 0xff;
        int flags = (activation != 0 ? ACTIVATION : 0) | (d0 != 0 ? D0 : 0) | (d1 != 0 ? D1 : 0)
            | (d2 != 0 ? D2 : 0) | (wide ? WIDE : 0);
        out.writeByte(in.op().id());
        out.writeByte(flags);
        if (wide) {
          out.writeShort(in.in1());
          out.writeShort(in.in2());
          out.writeShort(in.out());
        } else {
          out.writeByte(in.in1());
          out.writeByte(in.in2());
          out.writeByte(in.out());
        }
        if (activation != 0) {
          out.writeLong(activation);
        }
        if (d0 != 0) {
          out.writeInt(d0);
        }
        if (d1 != 0) {
          out.writeInt(d1);
        }
        if (d2 != 0) {
          out.writeInt(d2);
        }
      }
    }
  }

  public static Algorithm read(DataInput in) throws IOException {
    List<List<Instruction>> functions = new ArrayList<>(3);
    for (int f = 0; f < ComponentFunctionType.values().length; f++) {
      int size = in.readUnsignedShort();
      List<Instruction> function = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        Op op = Op.byId(in.readUnsignedByte());
        int flags = in.readUnsignedByte();
        boolean wide = (flags & WIDE) != 0;
        int in1 = wide ? in.readUnsignedShort() : in.readUnsignedByte();
        int in2 = wide ? in.readUnsignedShort() : in.readUnsignedByte();
        int out = wide ? in.readUnsignedShort() : in.readUnsignedByte();
        double activation = (flags & ACTIVATION) != 0 ? Double.longBitsToDouble(in.readLong()) : 0.0;
        float d0 = (flags & D0) != 0 ? Float.intBitsToFloat(in.readInt()) : 0.0f;
        float d1 = (flags & D1) != 0 ? Float.intBitsToFloat(in.readInt()) : 0.0f;
        float d2 = (flags & D2) != 0 ? Float.intBitsToFloat(in.readInt()) : 0.0f;
        function.add(new Instruction(op, in1, in2, out, activation, d0, d1, d2));
      }
      functions.add(function);
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }
}
