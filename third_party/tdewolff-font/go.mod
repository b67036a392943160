module github.com/tdewolff/font

go 1.24.0

require (
	github.com/andybalholm/brotli v1.1.1
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0
	github.com/tdewolff/parse/v2 v2.7.22
	golang.org/x/image v0.32.0
	golang.org/x/text v0.30.0
)
