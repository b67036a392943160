package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date formats the calendar date of t (in t's own location) in l's language:
// "27 November 2026", "27 ноября 2026 г.".
func (l *Locale) Date(t time.Time) string {
	f := l.dates
	vals := map[string]any{
		"day":              t.Day(),
		"day2":             fmt.Sprintf("%02d", t.Day()),
		"month":            f.months[t.Month()-1],
		"month_nominative": l.Month(t.Month()),
		"month_number":     fmt.Sprintf("%02d", int(t.Month())),
		"year":             strconv.Itoa(t.Year()),
	}
	if f.weekdays != nil {
		vals["weekday"] = f.weekdays[t.Weekday()]
	}
	return expand(f.date, vals)
}

// DateTime formats the date and the 24-hour time of t, followed by zoneLabel, such
// as "CET", which the caller chooses because time zone abbreviations are not
// reliable: "3 December 2026, 09:00 CET", "3 декабря 2026 г., 09:00 CET". An empty
// zoneLabel is left out.
func (l *Locale) DateTime(t time.Time, zoneLabel string) string {
	f := l.dates
	clock := expand(f.time, map[string]any{
		"hour":   fmt.Sprintf("%02d", t.Hour()),
		"minute": fmt.Sprintf("%02d", t.Minute()),
	})
	s := expand(f.datetime, map[string]any{"date": l.Date(t), "time": clock, "zone": zoneLabel})
	if zoneLabel == "" {
		s = strings.TrimSpace(s)
	}
	return s
}

// Month returns the name of m as it stands alone, as in a heading ("ноябрь"); in
// languages without a separate form it is the name used in dates.
func (l *Locale) Month(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	if l.dates.monthsNominative != nil {
		return l.dates.monthsNominative[m-1]
	}
	return l.dates.months[m-1]
}
