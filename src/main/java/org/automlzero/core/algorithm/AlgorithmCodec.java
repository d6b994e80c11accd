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
 */
public final class AlgorithmCodec {
  private AlgorithmCodec() {}

  public static void write(Algorithm algorithm, DataOutput out) throws IOException {
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = algorithm.function(type);
      out.writeShort(function.size());
      for (Instruction in : function) {
        out.writeByte(in.op().id());
        out.writeShort(in.in1());
        out.writeShort(in.in2());
        out.writeShort(in.out());
        out.writeDouble(in.activation());
        out.writeFloat(in.d0());
        out.writeFloat(in.d1());
        out.writeFloat(in.d2());
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
        function.add(new Instruction(op, in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
            in.readDouble(), in.readFloat(), in.readFloat(), in.readFloat()));
      }
      functions.add(function);
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }
}
