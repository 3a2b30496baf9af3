# plots/coverage.gp: every unit's coverage of need (allocation / need), sorted, as bars;
# need itself (100%) dashed and the lowest coverage dotted.
# Reads $coverage (rank, coverage), unit_count and lowest_coverage from the driver.
chart_title = w_coverage_title
load plots.'/lib/run_page.gp'
set xrange [0:unit_count + 1]
set key top left
stats $coverage using 1:2 nooutput
cov_step = fs_step(STATS_max_y > 1 ? STATS_max_y : 1, 6)
axis = 'y'; axis_low = 0; axis_high = fs_ceil_step(STATS_max_y > 1 ? STATS_max_y : 1, cov_step); axis_step = cov_step
load plots.'/lib/number_axis.gp'
set xlabel w_coverage_x
set ylabel w_coverage_y
set style fill pattern 4 border lc 'black'
set boxwidth 0.8
plot $coverage using 1:2 with boxes lc 'black' title w_coverage_bar, \
     1 with lines dt 2 lw 2 lc 'black' title w_need_line, \
     lowest_coverage with lines dt 3 lw 2 lc 'black' title w_lowest_line
