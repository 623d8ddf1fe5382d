package corpus

import "errors"

// ErrNoArticles is the error of ParseFiles when none of the files could
// be read.
var ErrNoArticles = errors.New("no readable articles")

// ParseFiles parses the files named by names, whose bytes read gives (an
// embedded file system's ReadFile, for one), in order. A file that cannot
// be read or parsed is reported in the errors and the others are kept; the
// error is ErrNoArticles when no file could be read.
func ParseFiles(read func(name string) ([]byte, error), names []string) ([]*Document, []*FileError, error) {
	var docs []*Document
	var errs []*FileError
	for _, n := range names {
		data, err := read(n)
		if err != nil {
			errs = append(errs, &FileError{Path: n, Err: err})
			continue
		}
		d, err := Parse(n, data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				fe = &FileError{Path: n, Err: err}
			}
			errs = append(errs, fe)
			continue
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, errs, ErrNoArticles
	}
	return docs, errs, nil
}
