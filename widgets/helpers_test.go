package widgets

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
)

// The fills the tests give sentences: the viewer's fills of shared,
// paraphrased, unique and boilerplate sentences.
var (
	sharedFill      color.Color = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0x80}
	paraphrasedFill color.Color = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0x80}
	uniqueFill      color.Color = color.Transparent
	boilerplateMark color.Color = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x70}
)

// variantTheme is a theme held to one variant, light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color is part of fyne.Theme: the theme's colour in the held variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// writePNG saves img at path.
func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
