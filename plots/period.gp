# plots/period.gp: a stability period year by year, a 2×2 page with one panel per
# indicator: the lowest coverage of need (in %, need itself dashed), the total
# balancing transfers, the units under need, and the city's balance (or, without a city
# block, the communes' own revenue). Each solved year is a point on a line, its value
# written above it when there are few years (period_labelled); the infeasible year is a
# light gray band with dashed edges and a label across it ("stability violation" under
# the stability rules, else "infeasible").
# Reads $period (year, coverage %, transfers, units under need, the fourth panel's
# amount, money in the display unit), $period_bad (the infeasible years, one per line),
# period_first and period_last (the period, for the title), period_from and
# period_to (the years drawn), period_shown, period_stability, period_city,
# period_labelled, money_decimals and xtic_step from the driver.
page_title = sprintf(period_stability ? w_period_title_stability : w_period_title_plain, period_first, period_last)
footer = 'fiscalsim · ' . scenario . ' · ' . w_fingerprint . ' ' . fingerprint . ' · ' . w_estimates
eval page_start
unset title
set multiplot layout 2,2 rowsfirst title scenario . ': ' . page_title font ',16'
set key off
set bmargin 4
set xrange [period_from - 0.5:period_to + 0.5]
set xtics period_from, xtic_step, period_to format '%.0f'
set mxtics xtic_step
do for [i = 1:|$period_bad|] {
    bad = real(word($period_bad[i], 1))
    set object i rect from bad - 0.4, graph 0 to bad + 0.4, graph 1 behind fc 'gray90' fs solid 1.0 noborder
    set arrow 2 * i - 1 from bad - 0.4, graph 0 to bad - 0.4, graph 1 nohead dt 2 lw 1.5 lc 'black' back
    set arrow 2 * i from bad + 0.4, graph 0 to bad + 0.4, graph 1 nohead dt 2 lw 1.5 lc 'black' back
    # Across the band while it is wide enough (up to 3 years drawn), else along it.
    bad_text = period_stability ? w_period_violation : w_period_infeasible
    set label i bad_text at bad, graph 0.5 center front font ',12'
    if (period_shown > 3) { set label i rotate by 90 }
}
money_label = in_billions ? w_billion : money_unit
point_size = period_labelled ? 1.4 : 0.9
# The lowest coverage, in % of need, with need (100%) dashed.
set title w_period_coverage font ',13'
set ylabel w_period_coverage_y
set yrange [*:*]  # the previous panel's range would filter the values
stats $period using 1:2 nooutput
panel_low = STATS_min_y; panel_high = STATS_max_y; panel_whole = 0; axis_suffix = '%'
load plots.'/lib/panel_axis.gp'
plot 100 with lines dt 2 lw 1.5 lc 'gray40' notitle, \
     $period using 1:2 with linespoints lw 2.5 pt 7 ps point_size lc 'black' notitle, \
     for [k = 1:period_labelled] '' using 1:2:(fs_number($2, 1) . '%') with labels center offset 0, 1.3 font ',10' notitle
unset label 100
# Balancing transfers.
set title w_period_transfer font ',13'
set ylabel money_label
set yrange [*:*]  # the previous panel's range would filter the values
stats $period using 1:3 nooutput
panel_low = STATS_min_y; panel_high = STATS_max_y; panel_whole = 0
load plots.'/lib/panel_axis.gp'
plot $period using 1:3 with linespoints lw 2.5 pt 7 ps point_size lc 'black' notitle, \
     for [k = 1:period_labelled] '' using 1:3:(fs_number($3, money_decimals)) with labels center offset 0, 1.3 font ',10' notitle
# Units under need: whole numbers on the axis.
set title w_period_units font ',13'
set ylabel w_period_units_y
set yrange [*:*]  # the previous panel's range would filter the values
stats $period using 1:4 nooutput
panel_low = 0; panel_high = STATS_max_y; panel_whole = 1
load plots.'/lib/panel_axis.gp'
plot $period using 1:4 with linespoints lw 2.5 pt 7 ps point_size lc 'black' notitle, \
     for [k = 1:period_labelled] '' using 1:4:(fs_number($4, 0)) with labels center offset 0, 1.3 font ',10' notitle
# The city's balance, or the communes' own revenue; a zero line when it goes negative.
set title (period_city ? fs_upper('w_period_city') : w_period_own) font ',13'
set ylabel money_label
set yrange [*:*]  # the previous panel's range would filter the values
stats $period using 1:5 nooutput
panel_low = STATS_min_y; panel_high = STATS_max_y; panel_whole = 0
load plots.'/lib/panel_axis.gp'
if (STATS_min_y < 0) { set xzeroaxis lt -1 lw 1 }
plot $period using 1:5 with linespoints lw 2.5 pt 7 ps point_size lc 'black' notitle, \
     for [k = 1:period_labelled] '' using 1:5:(fs_number($5, money_decimals)) with labels center offset 0, 1.3 font ',10' notitle
unset multiplot
