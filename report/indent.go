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
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, compact.Len()*2), compact.Bytes()))
	return err
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
