package stories

import (
	"container/heap"
	"context"
	"slices"
)

// averageLinkage clusters n articles from the similarities of their
// neighbouring pairs (pairs not in edges count as 0). It repeatedly merges
// the two groups whose articles are most similar on average, as long as
// that average reaches threshold, and returns the groups, each sorted.
// Average linkage, unlike joining every similar pair, does not chain: an
// article that bridges two stories adds one similar pair, which is
// nothing beside the many dissimilar pairs of the two stories' members.
func averageLinkage(ctx context.Context, n int, edges []edge, threshold float64) ([][]int, error) {
	members := make([][]int, n)
	nbr := make([]map[int32]float64, n) // per group: summed similarity to each neighbouring group
	version := make([]int32, n)
	for i := range members {
		members[i] = []int{i}
	}
	for k, e := range edges {
		if k%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, p := range [2][2]int32{{e.a, e.b}, {e.b, e.a}} {
			if nbr[p[0]] == nil {
				nbr[p[0]] = map[int32]float64{}
			}
			nbr[p[0]][p[1]] = e.sim
		}
	}
	h := &mergeHeap{}
	for _, e := range edges {
		if e.sim >= threshold {
			h.items = append(h.items, merge{avg: e.sim, a: e.a, b: e.b})
		}
	}
	heap.Init(h)
	for steps := 0; h.Len() > 0; steps++ {
		if steps%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := heap.Pop(h).(merge)
		if members[m.a] == nil || members[m.b] == nil || version[m.a] != m.va || version[m.b] != m.vb {
			continue // a group has changed since this merge was scored
		}
		// Fold the group with fewer neighbours into the other.
		a, b := m.a, m.b
		if len(nbr[b]) > len(nbr[a]) || (len(nbr[b]) == len(nbr[a]) && b < a) {
			a, b = b, a
		}
		delete(nbr[a], b)
		for x, s := range nbr[b] {
			if x == a {
				continue
			}
			if nbr[a] == nil {
				nbr[a] = map[int32]float64{}
			}
			nbr[a][x] += s
			nbr[x][a] += s
			delete(nbr[x], b)
		}
		nbr[b] = nil
		members[a] = append(members[a], members[b]...)
		members[b] = nil
		version[a]++
		size := len(members[a])
		for x, s := range nbr[a] {
			if avg := s / float64(size*len(members[x])); avg >= threshold {
				p, q := a, x
				if q < p {
					p, q = q, p
				}
				heap.Push(h, merge{avg: avg, a: p, b: q, va: version[p], vb: version[q]})
			}
		}
	}
	var out [][]int
	for _, ms := range members {
		if ms != nil {
			slices.Sort(ms)
			out = append(out, ms)
		}
	}
	return out, nil
}

// merge is a candidate merge of groups a and b (a < b), scored when the
// groups were at versions va and vb.
type merge struct {
	avg    float64
	a, b   int32
	va, vb int32
}

// mergeHeap is a max-heap of merges by average similarity, ties broken by
// the groups' indexes so that the order is deterministic.
type mergeHeap struct{ items []merge }

func (h *mergeHeap) Len() int { return len(h.items) }
func (h *mergeHeap) Less(i, j int) bool {
	x, y := h.items[i], h.items[j]
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.a != y.a {
		return x.a < y.a
	}
	return x.b < y.b
}
func (h *mergeHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *mergeHeap) Push(x any)    { h.items = append(h.items, x.(merge)) }
func (h *mergeHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
