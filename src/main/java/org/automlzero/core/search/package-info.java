/** Regularized evolution, mutation, functional-equivalence checking, the train budget and the search/select/final experiment flow. */
package org.automlzero.core.search;
