module github.com/subosito/gotenv

go 1.24.0

require golang.org/x/text v0.30.0
