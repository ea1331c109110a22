package dev.lrcp.llm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The merges of one pre-tokenized piece: the parts' starts in a linked list, the candidate pairs in
 * a min-heap keyed by (rank, start), so the leftmost pair of lowest rank merges first, as in
 * tiktoken, in O(n log n) for a long piece. A heap entry is stale once its start no longer begins a
 * pair of that rank.
 */
final class Merge {

  private final BytePairEncoder vocabulary;
  private final byte[] piece;
  private final int[] next;
  private final int[] pairRank;
  private long[] heap;
  private int heapSize;

  Merge(BytePairEncoder vocabulary, byte[] piece) {
    this.vocabulary = vocabulary;
    this.piece = piece;
    int n = piece.length;
    this.next = new int[n];
    this.pairRank = new int[n];
    this.heap = new long[Math.max(4, n)];
    for (int i = 0; i < n; i++) {
      next[i] = i + 1;
    }
  }

  int run(IntConsumer out) {
    int n = piece.length;
    int[] prev = new int[n];
    for (int i = 0; i < n; i++) {
      prev[i] = i - 1;
      offer(i);
    }
    while (heapSize > 0) {
      long top = poll();
      int start = (int) top;
      if (pairRank[start] != (int) (top >>> 32)) {
        continue;
      }
      int gone = next[start];
      pairRank[gone] = -1;
      next[start] = next[gone];
      if (next[start] < n) {
        prev[next[start]] = start;
      }
      offer(start);
      if (prev[start] >= 0) {
        offer(prev[start]);
      }
    }
    int tokens = 0;
    for (int i = 0; i < n; i = next[i], tokens++) {
      out.accept(vocabulary.rank(piece, i, next[i]));
    }
    return tokens;
  }

  /** Records the rank of the pair that starts at {@code start} and queues it when it is a token. */
  private void offer(int start) {
    int second = next[start];
    int rank = second < piece.length ? vocabulary.rank(piece, start, next[second]) : -1;
    pairRank[start] = rank;
    if (rank >= 0) {
      push(((long) rank << 32) | start);
    }
  }

  private void push(long key) {
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heapSize * 2);
    }
    int at = heapSize++;
    while (at > 0 && heap[(at - 1) >>> 1] > key) {
      heap[at] = heap[(at - 1) >>> 1];
      at = (at - 1) >>> 1;
    }
    heap[at] = key;
  }

  private long poll() {
    long top = heap[0];
    long last = heap[--heapSize];
    int at = 0;
    for (int child = 1; child < heapSize; child = 2 * at + 1) {
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
    return top;
  }
}
