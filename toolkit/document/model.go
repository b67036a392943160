// Package document builds the language-neutral model of presskit's documents (handout,
// brief, prep sheet) from library items. The PDF and HTML renderers both draw this model,
// so the two outputs say the same thing in the same order.
package document

import "time"

// Kind names a document.
type Kind string

// The documents presskit makes.
const (
	Handout Kind = "handout"
	Brief   Kind = "brief"
	Prep    Kind = "prep"
)

// Kinds lists every document kind.
var Kinds = []Kind{Brief, Handout, Prep}

// Doc is one document in one language.
type Doc struct {
	Kind  Kind
	Lang  string
	Paper string // "a4" or "letter"

	Meta     Meta
	Masthead Masthead

	Title string
	Intro Rich // standfirst or introduction
	// Embargo is the banner text ("EMBARGOED UNTIL …"), empty when there is none.
	Embargo string

	Sections   []Section
	References []Reference
	Contacts   []Contact

	// Labels are the interface strings the renderers need, already in the document's
	// language: "page_of" ("Page {n} of {total}"), "sources", "translation", "contacts",
	// "email", "phone", "website", "myth", "fact", "say", "not", …
	Labels map[string]string
	// Brand is the accent colour, "#rrggbb".
	Brand string
	// OpenQuote is the language's opening quotation mark (“ or «), for decorating quotes.
	OpenQuote string
	// Date is the document's date; DateText is it written in the document's language.
	Date     time.Time
	DateText string

	// HTMLURL is the public address of the document's HTML version (from the
	// configuration's organisation.press_url); the printed handout and brief carry a
	// QR code to it. Empty when there is none.
	HTMLURL string

	// Warnings are things the writer should know; the document is still made.
	Warnings []Warning

	// BackPage is set by the PDF layout when the sources (and a handout's call to
	// action) went to a second page printed on the back; the HTML's print follows.
	BackPage bool
	// PrintStep is the PDF fit loop's step the document was set at (0 the largest); the
	// HTML's print of a one-page document is set no larger.
	PrintStep int
}

// Label returns the label key, or the key itself when missing.
func (d *Doc) Label(key string) string {
	if s, ok := d.Labels[key]; ok && s != "" {
		return s
	}
	return key
}

// Meta is the PDF document information and the HTML head.
type Meta struct {
	Title, Author, Subject string
	Keywords               []string
	Lang                   string
}

// Masthead is the organisation's block at the top of a document.
type Masthead struct {
	Org   string
	URL   string
	Email string
	Phone string
	// Logo is the logo image (PNG or JPEG) and its type ("png", "jpg"); nil when none.
	Logo     []byte
	LogoType string
}

// Contact is a media contact.
type Contact struct {
	Name, Role, Email, Phone string
}

// Section is a titled part of a document holding blocks of one kind.
type Section struct {
	// ID is a stable name for styling ("myths", "messages", "shifts", "quotes", "facts",
	// "terms", "questions", "bridges", "cta").
	ID      string
	Heading string
	Blocks  []Block
}

// IsPanel reports whether section si of d is set as a tinted panel led by its heading:
// the call to action, and a core message (a section "core", or a first section holding a
// single text block). Both renderers ask it, so that both draw the same page.
func (d *Doc) IsPanel(si int) bool {
	s := d.Sections[si]
	switch {
	case s.ID == "cta" || s.ID == "core":
		return true
	case si == 0 && len(s.Blocks) == 1 && s.Blocks[0].Kind == BlockText:
		return true
	}
	return false
}

// BlockKind says how a block is laid out.
type BlockKind string

// Block kinds.
const (
	BlockMyth     BlockKind = "myth"     // Head: the myth; Body: the fact
	BlockPoint    BlockKind = "point"    // Head: headline; Body: explanation; Proof: proof points
	BlockShift    BlockKind = "shift"    // Head: headline; Leave and Use: the frames
	BlockQuote    BlockKind = "quote"    // Body: the words; Speaker, Role; Translation
	BlockFact     BlockKind = "fact"     // Body
	BlockTerm     BlockKind = "term"     // Avoid, Say; Body: why
	BlockQuestion BlockKind = "question" // Head: question; Body: answer; Bridge
	BlockText     BlockKind = "text"     // Body: free text (a call to action, a bridge phrase)
)

// Block is one item of a section. It never splits across pages.
type Block struct {
	Kind   BlockKind
	ItemID string

	Head   Rich
	Body   Rich
	Leave  Rich
	Use    Rich
	Bridge Rich
	Avoid  []string
	Say    []string
	Proof  []Block

	Speaker     string
	Role        string
	Translation bool

	// Refs are 1-based numbers into Doc.References.
	Refs []int

	// Background is a question's longer context, shown on demand (HTML only).
	Background Rich
}

// Reference is a numbered source.
type Reference struct {
	N    int
	ID   string
	Text string // author or publisher, title, publisher, year, note: the full entry
	// Short is the entry for a one-page document: who, title, year (and, for a source
	// known only as quoted in another, that note).
	Short string
	Title string
	URL   string
	// Passages are the source's words that the document's claims rest on (their
	// evidence), in order of first citation: the HTML lets a reader open them.
	Passages []string
}
