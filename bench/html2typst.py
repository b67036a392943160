"""Turn presskit's HTML of a document into an equivalent Typst source (bench/README.md)."""
import sys, re, html
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.out=[]; s.stack=[]; s.skip=0; s.buf=''; s.cls=[]
    def flush(s, kind):
        t=re.sub(r'\s+',' ',s.buf).strip(); s.buf=''
        if t: s.out.append((kind,t))
    def handle_starttag(s, tag, attrs):
        a=dict(attrs); c=a.get('class','') or ''
        if tag in ('style','script','title','head') : s.skip+=1; return
        if a.get('hidden') is not None or 'visually-hidden' in c: s.skip+=1; s.stack.append(('skip',tag)); return
        s.stack.append((tag,c))
        if tag in ('h1','h2','h3','p','li','footer','header','time') : s.flush('p')
        if tag=='sup': s.buf+='#super['
        if tag=='br': s.buf+=' '
    def handle_endtag(s, tag):
        if tag in ('style','script','title','head'): s.skip-=1; return
        if not s.stack: return
        t,c=s.stack.pop()
        if t=='skip': s.skip-=1; return
        if tag=='sup': s.buf+=']'; return
        if tag in ('h1','h2','h3'): s.flush(tag)
        elif tag in ('p','li','div','footer','time','article','section','header'):
            s.flush('li' if tag=='li' else 'p')
            if tag=='section': s.out.append(('sec',''))
    def handle_data(s, d):
        if s.skip: return
        d=d.replace('\\','\\\\')
        for ch in '#*_`$<>@[]=~':
            d=d.replace(ch,'\\'+ch)
        s.buf+=d

def main(src, kind):
    p=P(); p.feed(open(src,encoding='utf-8').read()); p.flush('p')
    body=[]
    for k,t in p.out:
        t=re.sub(r'#super\[\\\[(.*?)\\\]\]', r'#super[\1]', t)
        if k=='h1': body.append('#block(text(size: 20pt, weight: "bold", font: "Noto Serif")['+t+'])\n\n')
        elif k=='h2':
            if t in ('Источники', 'Sources'):
                body.append('== '+t+'\n\n#set text(size: 6.6pt)\n#show: columns.with(2, gutter: 5mm)\n\n')
            else:
                body.append('== '+t+'\n\n')
        elif k=='h3': body.append('=== '+t+'\n\n')
        elif k=='li': body.append('+ '+t+'\n')
        elif k=='sec': body.append('\n')
        elif t in ('Миф', 'Факт'): body.append('*'+t+'* ')
        else: body.append(t+'\n\n')
    cols = 2 if kind=='prep' else 1
    head = '''// Equivalent Typst source of presskit's Russian %s (bench/README.md says how it was
// made): the same text, fonts (Noto Sans, Noto Serif), A4 page and sizes close to
// presskit's PDF, for timing Typst beside presskit in scripts/bench.sh.
#set document(title: "%s", author: "presskit bench")
#set page(paper: "a4", margin: (x: 14mm, y: 12mm), footer: context [#set text(size: 7pt); #counter(page).display("1")])
#set text(font: "Noto Sans", size: %s, lang: "ru")
#set par(justify: false, leading: 0.5em, spacing: 0.75em)
#show heading: set text(font: "Noto Serif", weight: "bold")
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(font: "Noto Sans", size: 9.6pt)
#set list(spacing: 0.35em)
''' % (kind, kind, {'handout':'9.6pt','brief':'10pt','prep':'8.4pt'}[kind])
    txt=''.join(body)
    if cols==2:
        txt = '#columns(2, gutter: 6mm)[\n'+txt+']\n'
    return head+'\n'+txt

if __name__=='__main__':
    sys.stdout.write(main(sys.argv[1], sys.argv[2]))
