package sentence

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// errPunktFormat is returned by decodePunkt for data it cannot read.
var errPunktFormat = errors.New("sentence: malformed Punkt training data")

// decodePunkt reads Punkt training data as sentences.LoadTraining does, but
// without encoding/json's reflection and with every map made at its final
// size: it is read on the first split of every process (a third of the
// sample's start-up). It reads an object of the four Storage sets, each an
// object of string keys with integer values; data with escaped strings or
// any other shape (invalid UTF-8, a set named twice or unknown) is handed
// to sentences.LoadTraining.
func decodePunkt(data []byte) (*sentences.Storage, error) {
	if bytes.IndexByte(data, '\\') >= 0 || !utf8.Valid(data) {
		return sentences.LoadTraining(data)
	}
	st := &sentences.Storage{}
	// One string holds every key: the keys are slices of it, not
	// allocations of their own.
	p := punktParser{buf: string(data)}
	if !p.byte('{') {
		return nil, errPunktFormat
	}
	for first := true; !p.byte('}'); first = false {
		if !first && !p.byte(',') {
			return nil, errPunktFormat
		}
		name, ok := p.str()
		if !ok || !p.byte(':') {
			return nil, errPunktFormat
		}
		set, ok := p.set()
		if !ok {
			return nil, errPunktFormat
		}
		switch {
		case name == "AbbrevTypes" && st.AbbrevTypes == nil:
			st.AbbrevTypes = set
		case name == "Collocations" && st.Collocations == nil:
			st.Collocations = set
		case name == "SentStarters" && st.SentStarters == nil:
			st.SentStarters = set
		case name == "OrthoContext" && st.OrthoContext == nil:
			st.OrthoContext = set
		default:
			return sentences.LoadTraining(data)
		}
	}
	p.space()
	if p.bad || len(p.buf) != 0 {
		return nil, errPunktFormat
	}
	return st, nil
}

// punktParser reads the subset of JSON that decodePunkt accepts.
type punktParser struct {
	buf string
	bad bool
}

// space skips white space.
func (p *punktParser) space() {
	for len(p.buf) > 0 && (p.buf[0] == ' ' || p.buf[0] == '\n' || p.buf[0] == '\r' || p.buf[0] == '\t') {
		p.buf = p.buf[1:]
	}
}

// byte consumes c after white space, reporting whether it was there.
func (p *punktParser) byte(c byte) bool {
	p.space()
	if len(p.buf) > 0 && p.buf[0] == c {
		p.buf = p.buf[1:]
		return true
	}
	return false
}

// str reads a string without escapes.
func (p *punktParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	end := strings.IndexByte(p.buf, '"')
	if end < 0 {
		return "", false
	}
	s := p.buf[:end]
	p.buf = p.buf[end+1:]
	return s, true
}

// set reads an object of integers, made at its final size.
func (p *punktParser) set() (sentences.SetString, bool) {
	p.space()
	end := strings.IndexByte(p.buf, '}')
	if end < 0 {
		return nil, false
	}
	set := make(sentences.SetString, strings.Count(p.buf[:end], ":"))
	if !p.byte('{') {
		return nil, false
	}
	for first := true; !p.byte('}'); first = false {
		if !first && !p.byte(',') {
			return nil, false
		}
		k, ok := p.str()
		if !ok || !p.byte(':') {
			return nil, false
		}
		p.space()
		n := 0
		for n < len(p.buf) && (p.buf[n] == '-' || p.buf[n] >= '0' && p.buf[n] <= '9') {
			n++
		}
		v, err := strconv.Atoi(p.buf[:n])
		if err != nil {
			return nil, false
		}
		p.buf = p.buf[n:]
		set[k] = v
	}
	return set, true
}
