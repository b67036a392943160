package publish

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG
)

// CheckLogo decodes the logo fully and returns its type ("png" or "jpg"), or an error that
// says what is wrong with it. name is the path used in messages.
func CheckLogo(name string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("logo %s is empty; use a PNG or JPEG file, or remove organisation.logo", name)
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("logo %s is not a PNG or JPEG image (%v); export it again as PNG or JPEG", name, err)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("logo %s is a damaged %s (%v); export it again", name, format, err)
	}
	if b := img.Bounds(); b.Dx() < 16 || b.Dy() < 16 {
		return "", fmt.Errorf("logo %s is only %dx%d pixels; use one at least 200 pixels wide", name, b.Dx(), b.Dy())
	}
	switch format {
	case "png":
		return "png", nil
	case "jpeg":
		return "jpg", nil
	}
	return "", fmt.Errorf("logo %s is a %s image; use PNG or JPEG", name, format)
}
