// Package examples embeds the example workspace that `presskit init` creates, so that the
// files a newcomer gets are the same files the repository shows and tests build.
package examples

import "embed"

// Workspace holds the files of a new workspace, under "workspace/".
//
//go:embed all:workspace
var Workspace embed.FS
