package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// encodeJSON writes v as indented JSON, with <, > and & as they are: what
// a json.Encoder with SetIndent("", " ") and SetEscapeHTML(false) writes.
// The indentation is done by indentJSON on the compact encoding, several
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

// writeIndented writes the compact JSON src indented (see indentJSON),
// with a final newline as a json.Encoder writes.
func writeIndented(w io.Writer, src []byte) error {
	dst := indentJSON(make([]byte, 0, len(src)*2+1), src)
	_, err := w.Write(append(dst, '\n'))
	return err
}

// member is one member of a JSON object: its name and the compact
// encoding of its value.
type member struct {
	name  string
	value []byte
}

// spliceMembers joins the compact encodings of two objects, head and
// tail, with members between them, as the encoding of one object with
// head's members, then those, then tail's would read. Both objects must
// have members.
func spliceMembers(head, tail []byte, members ...member) []byte {
	n := len(head) + len(tail)
	for _, m := range members {
		n += len(m.name) + len(m.value) + 4
	}
	out := append(make([]byte, 0, n), head[:len(head)-1]...)
	for _, m := range members {
		out = append(out, ',', '"')
		out = append(out, m.name...)
		out = append(out, '"', ':')
		out = append(out, m.value...)
	}
	out = append(out, ',')
	return append(out, tail[1:]...)
}

// joinArrays joins the compact encodings of two arrays into that of one
// array with the elements of both.
func joinArrays(a, b []byte) []byte {
	switch {
	case len(a) <= 2:
		return b
	case len(b) <= 2:
		return a
	}
	out := append(make([]byte, 0, len(a)+len(b)), a[:len(a)-1]...)
	out = append(out, ',')
	return append(out, b[1:]...)
}

// indentJSON appends to dst the compact JSON src (as encoding/json writes
// it: no white space outside strings) indented as json.Indent(dst, src,
// "", " ") does: one element or member a line, one space of indent a
// level, ": " after keys, and empty objects and arrays kept as {} and [].
func indentJSON(dst, src []byte) []byte {
	depth := 0
	open := false // the last byte opened an object or array
	newline := func(depth int) {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ')
		}
	}
	for k := 0; k < len(src); k++ {
		c := src[k]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline(depth)
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
			dst = append(dst, src[k:end]...)
			k = end - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
