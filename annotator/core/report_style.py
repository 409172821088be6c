"""The reliability report's stylesheet, inlined in the HTML file (the file needs nothing else).

Plain, printable, readable on a phone: system fonts with Japanese ones named first, tables that
scroll sideways rather than overflow, figures scaled to the page width, no URLs.
"""

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui,
  sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 3rem; color: #1b1b1b;
  line-height: 1.6; background: #ffffff; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #1f4e79; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.en { color: #555555; font-weight: normal; }
h1 .en::before, h2 .en::before, h3 .en::before, th .en::before, dt .en::before,
  figcaption .en::before { content: "/ "; }
.note { color: #555555; font-size: .9rem; margin: .3rem 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1.2rem; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; display: block;
  overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #d0d0d0; padding: .25rem .5rem; vertical-align: top; }
thead th { background: #eef2f6; text-align: left; }
tbody th { background: #f7f7f7; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.empty { color: #999999; }
.matrices { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
figure.matrix { margin: 0; }
figcaption { font-weight: bold; font-size: .9rem; }
.figure svg { max-width: 100%; height: auto; }
table.disagreements td.context { min-width: 22rem; }
.title { color: #555555; font-size: .85rem; }
mark { background: #ffe08a; padding: 0 .1rem; }
p.methods { background: #f7f7f7; border-left: 3px solid #1f4e79; padding: .6rem .9rem; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; }
  table, .figure { break-inside: avoid; } }
"""
