# plots/commune.gp: one page of communes.pdf, a unit's explanation as `fiscalsim
# explain` prints it, in the run's language: its need by component, its revenue by
# source and share, transfers, allocation against last year, coverage and its rank
# among units of its kind, and the limits that bind, in words. The first line (the
# unit's name) is the page's title.
# Reads $page (the lines, one quoted string each) and page_lines from the driver
# (communes.gp), and scenario and fingerprint.
# The lines are in Noto Sans Mono (Debian fonts-noto-mono): DejaVu Sans Mono lacks 19
# Vietnamese letters (ả, ổ, ở, ...), which cairo took from another font.
# No `reset` (a third of the time of a page): every page sets what it uses, and the
# driver draws nothing else.
unset label; unset arrow
set encoding utf8
unset border; unset tics; unset key
set xrange [0:1]; set yrange [0:1]
set lmargin 0; set rmargin 0; set tmargin 0; set bmargin 0
footer = 'fiscalsim · ' . scenario . ' · ' . w_fingerprint . ' ' . fingerprint . ' · ' . w_estimates
set label 100 footer at screen 0.06, screen 0.02 font ',7'
line_step = 0.88 / (page_lines > 46 ? page_lines : 46)
plot $page every ::0::0 using (0.06):(0.955):1 with labels left font ',15' notitle, \
     $page every ::1 using (0.06):(0.93 - ($0 - 1) * line_step - line_step):1 with labels left \
         font 'Noto Sans Mono,10' notitle
