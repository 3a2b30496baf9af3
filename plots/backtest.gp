# plots/backtest.gp: the backtest of the disbursement forecast, one page: a panel per
# plan year (of the scenario's own plans and of the other series of its history), with
# the forecast made from each cutoff (the last solid in its band, the earlier dashed),
# the points known at the last cutoff (filled) and those to forecast (open), the last
# cutoff dotted; the key once, across the foot of the page.
# Reads panel_count, cutoff_count, the arrays panel_series, panel_year, panel_cut
# (the last cutoff's date that year), panel_known, panel_later, has_curve
# ((panel - 1) * cutoff_count + cutoff) and cutoff_label (in the run's language), and
# the datablocks $c<panel>_<cutoff> (date, forecast, band low, band high; %) and
# $p<panel> (date, known share, share to forecast; %) from the driver.
reset
set encoding utf8
set border 3
set tics nomirror
set label 101 sprintf(w_bt_footer, scenario) at screen 0.01, screen 0.015 font ',9'
set multiplot title scenario . ': ' . w_bt_title font ',15'
# About 1.6 as many columns as rows, above the key.
bt_cols = 1
while (bt_cols * bt_cols * 10 < panel_count * 16) { bt_cols = bt_cols + 1 }
bt_rows = (panel_count + bt_cols - 1) / bt_cols
bt_top = 0.92; bt_bottom = 0.11
bt_height = (bt_top - bt_bottom) / bt_rows; bt_width = 0.98 / bt_cols
bt_dash(c) = c == cutoff_count ? 1 : word('3 2 4 5', (c - 1) % 4 + 1) + 0
bt_lw(c) = c == cutoff_count ? 2.5 : 1.5
bt_month(q) = q == 0 ? w_bt_jan : q == 1 ? w_bt_apr : q == 2 ? w_bt_jul : w_bt_oct
do for [k = 1:panel_count] {
    set origin 0.01 + bt_width * ((k - 1) % bt_cols), bt_top - bt_height * ((k - 1) / bt_cols + 1)
    set size bt_width, bt_height
    y = panel_year[k]
    set title (strlen(panel_series[k]) > 0 ? panel_series[k] . ' ' . y : sprintf('%d (%s)', y, w_bt_own)) font ',11'
    set xdata time
    set timefmt '%Y-%m-%d'
    set xrange [sprintf('%04d-01-01', y):sprintf('%04d-01-31', y + 1)]
    set xtics () font ',9'
    do for [q = 0:4] { set xtics add (bt_month(q % 4) sprintf('%04d-%02d-01', y + q / 4, 3 * (q % 4) + 1)) }
    set yrange [0:105]
    set ytics 0, 25, 100 font ',9'
    set format y '%g'
    set grid ytics lc 'gray70' dt 3
    set arrow 1 from panel_cut[k], graph 0 to panel_cut[k], graph 1 nohead dt 3 lw 1.5 lc 'black'
    unset key
    # An item for each curve and point set the panel has (`for [i = 1:0]` draws none).
    plot for [i = 1:has_curve[(k - 1) * cutoff_count + cutoff_count]] sprintf('$c%d_%d', k, cutoff_count) \
             using 1:3:4 with filledcurves fs solid 1.0 noborder fc 'light-gray' notitle, \
         for [c = 1:cutoff_count] sprintf('$c%d_%d', k, c) \
             using 1:(has_curve[(k - 1) * cutoff_count + c] ? $2 : NaN) with lines dt bt_dash(c) lw bt_lw(c) \
             lc 'black' notitle, \
         for [i = 1:panel_known[k]] sprintf('$p%d', k) using 1:2 with points pt 7 ps 1.1 lc 'black' notitle, \
         for [i = 1:panel_later[k]] sprintf('$p%d', k) using 1:3 with points pt 6 ps 1.3 lw 1.5 lc 'black' notitle, \
         -1 notitle
    if (k == 1) { unset label 101 }
}
# The key of every panel, once across the foot of the page: an empty plot whose items
# carry the panels' styles (a key inside one small panel would fold into a column).
set origin 0, 0.02
set size 1, 0.08
unset border; unset tics; unset grid; unset title; unset arrow
set xrange [0:1]; set yrange [0:1]
set xdata
set key center center horizontal maxrows 2 font ',10' width 2
plot NaN with filledcurves fs solid 1.0 noborder fc 'light-gray' title w_bt_band, \
     for [c = 1:cutoff_count] NaN with lines dt bt_dash(c) lw bt_lw(c) lc 'black' \
         title sprintf(c == cutoff_count ? w_bt_forecast : w_bt_earlier, cutoff_label[c]), \
     NaN with points pt 7 ps 1.1 lc 'black' title w_bt_known, \
     NaN with points pt 6 ps 1.3 lw 1.5 lc 'black' title w_bt_later
unset multiplot
