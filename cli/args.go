package cli

import "flag"

// parseArgs parses flags wherever they stand among the arguments (Go's
// flag package stops at the first non-flag: `compare a.txt --format
// json` would read "--format" as a file); "--" ends the flags, so that a
// path that starts with "-" can follow it. It returns the other
// arguments in order.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}
