package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// encodeJSON writes v as indented JSON, with <, > and & as they are: what
// a json.Encoder with SetIndent("", " ") and SetEscapeHTML(false) writes.
// The indentation is done by an indenter on the compact encoding, several
// times faster than the encoder's own pass (which re-scans every byte
// through the JSON state machine): a long comparison's report is
// megabytes.
func encodeJSON(w io.Writer, v any) error {
	c := compactJSON(v)
	if c.err != nil {
		return c.err
	}
	return writeIndented(w, c.b)
}

// compacted is a compact JSON encoding, or why there is none.
type compacted struct {
	b   []byte
	err error
}

// compactJSON encodes v as a json.Encoder with SetEscapeHTML(false) does,
// without the final newline.
func compactJSON(v any) compacted {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return compacted{err: err}
	}
	return compacted{b: bytes.TrimSuffix(b.Bytes(), []byte("\n"))}
}

// writeIndented writes the compact JSON made of pieces, one after the
// other, indented (see indenter), with a final newline as a json.Encoder
// writes. A piece may end anywhere but inside a string.
func writeIndented(w io.Writer, pieces ...[]byte) error {
	in := indenter{w: w, dst: make([]byte, 0, flushAt+4096), flushAt: flushAt}
	for _, p := range pieces {
		in.write(p)
	}
	in.write([]byte("\n"))
	in.flush()
	return in.err
}

// flushAt is the indented output an indenter holds before writing it: a
// report of megabytes goes out in pieces, with no buffer its size.
const flushAt = 64 << 10

// member is one member of a JSON object: its name and the compact
// encoding of its value, in pieces.
type member struct {
	name  string
	value [][]byte
}

// spliceMembers gives, in pieces, the compact encoding of one object with
// the members of head, then members, then those of tail, from the compact
// encodings of head and tail, which must have members.
func spliceMembers(head, tail []byte, members ...member) [][]byte {
	out := [][]byte{head[:len(head)-1]}
	for _, m := range members {
		out = append(out, []byte(`,"`+m.name+`":`))
		out = append(out, m.value...)
	}
	return append(out, []byte(","), tail[1:])
}

// joinArrays gives, in pieces, the compact encoding of one array with the
// elements of the arrays a and b.
func joinArrays(a, b []byte) [][]byte {
	switch {
	case len(a) <= 2:
		return [][]byte{b}
	case len(b) <= 2:
		return [][]byte{a}
	}
	return [][]byte{a[:len(a)-1], []byte(","), b[1:]}
}

// indenter indents compact JSON (as encoding/json writes it: no white
// space outside strings) as json.Indent(dst, src, "", " ") does: one
// element or member a line, one space of indent a level, ": " after keys,
// and empty objects and arrays kept as {} and []. It takes the JSON in
// pieces, keeping its place between them, and appends to dst; with a
// writer and flushAt set, it writes out what it holds each time that
// passes flushAt, between two tokens.
type indenter struct {
	w       io.Writer
	dst     []byte
	flushAt int  // 0: never
	depth   int  // the nesting level
	open    bool // the last byte opened an object or array
	err     error
}

// flush writes out what the indenter holds, keeping the first error.
func (in *indenter) flush() {
	if in.err == nil && len(in.dst) > 0 {
		_, in.err = in.w.Write(in.dst)
	}
	in.dst = in.dst[:0]
}

// newline starts a line indented to depth.
func (in *indenter) newline(depth int) {
	in.dst = append(in.dst, '\n')
	for range depth {
		in.dst = append(in.dst, ' ')
	}
}

// write indents src, a piece of compact JSON that ends outside a string.
func (in *indenter) write(src []byte) {
	for k := 0; k < len(src); k++ {
		c := src[k]
		if in.open && c != '}' && c != ']' {
			in.open = false
			in.depth++
			in.newline(in.depth)
		}
		switch c {
		case '"':
			// A string, escapes included, goes as it is.
			end := k + 1
			for end < len(src) && src[end] != '"' {
				if src[end] == '\\' {
					end++
				}
				end++
			}
			end = min(end+1, len(src))
			in.dst = append(in.dst, src[k:end]...)
			k = end - 1
		case '{', '[':
			in.open = true
			in.dst = append(in.dst, c)
		case ',':
			in.dst = append(in.dst, c)
			in.newline(in.depth)
		case ':':
			in.dst = append(in.dst, c, ' ')
		case '}', ']':
			if in.open {
				in.open = false
			} else {
				in.depth--
				in.newline(in.depth)
			}
			in.dst = append(in.dst, c)
		default:
			in.dst = append(in.dst, c)
		}
		if in.flushAt > 0 && len(in.dst) >= in.flushAt {
			in.flush()
		}
	}
}
