package site

import "github.com/BurntSushi/toml"

func decodeTOML(data []byte, v any) error {
	_, err := toml.Decode(string(data), v)
	return err
}
