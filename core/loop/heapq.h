// A literal port of CPython's heapq (heappush, heappop, heapify, _siftdown, _siftup), so timers
// with equal deadlines leave the heap in exactly CPython's order (which is not FIFO).
#pragma once

#include <cstddef>
#include <vector>

namespace looplab::heapq {

// mirrors Lib/heapq.py _siftdown.
template <class T, class Less>
void siftdown(std::vector<T>& heap, size_t startpos, size_t pos, Less less) {
  T newitem = heap[pos];
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    T parent = heap[parentpos];
    if (less(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

// mirrors Lib/heapq.py _siftup.
template <class T, class Less>
void siftup(std::vector<T>& heap, size_t pos, Less less) {
  size_t endpos = heap.size();
  size_t startpos = pos;
  T newitem = heap[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    size_t rightpos = childpos + 1;
    if (rightpos < endpos && !less(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos, less);
}

template <class T, class Less>
void heappush(std::vector<T>& heap, T item, Less less) {
  heap.push_back(item);
  siftdown(heap, 0, heap.size() - 1, less);
}

template <class T, class Less>
T heappop(std::vector<T>& heap, Less less) {
  T lastelt = heap.back();
  heap.pop_back();
  if (!heap.empty()) {
    T returnitem = heap[0];
    heap[0] = lastelt;
    siftup(heap, 0, less);
    return returnitem;
  }
  return lastelt;
}

template <class T, class Less>
void heapify(std::vector<T>& heap, Less less) {
  for (size_t i = heap.size() / 2; i-- > 0;) siftup(heap, i, less);
}

}  // namespace looplab::heapq
