package library

import "go.yaml.in/yaml/v3"

// ExpandAliases replaces, in place, every alias (*name) in a parsed YAML document by a copy
// of the node its anchor (&name) marks, and splices merge keys (<<: *name) into their
// mapping, keys already there winning. Readers of the tree then never meet an alias, so
// anchors work everywhere plain YAML does: `tags: &police [policing]` then `tags: *police`.
// Positions stay those of the anchored node.
func ExpandAliases(n *yaml.Node) { expand(n, 0) }

func expand(n *yaml.Node, depth int) {
	if n == nil || depth > 100 { // an alias of an ancestor would recurse for ever
		return
	}
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode && c.Alias != nil {
			cp := *c.Alias
			cp.Anchor = ""
			n.Content[i] = &cp
		}
		expand(n.Content[i], depth+1)
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	var out []*yaml.Node
	var merged []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0) {
			switch v.Kind {
			case yaml.MappingNode:
				merged = append(merged, v.Content...)
			case yaml.SequenceNode:
				for _, m := range v.Content {
					if m.Kind == yaml.MappingNode {
						merged = append(merged, m.Content...)
					}
				}
			}
			continue
		}
		out = append(out, k, v)
	}
	if merged == nil {
		return
	}
	have := map[string]bool{}
	for i := 0; i < len(out); i += 2 {
		have[out[i].Value] = true
	}
	for i := 0; i+1 < len(merged); i += 2 {
		if !have[merged[i].Value] {
			have[merged[i].Value] = true
			out = append(out, merged[i], merged[i+1])
		}
	}
	n.Content = out
}
