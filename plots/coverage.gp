# plots/coverage.gp: every unit's coverage of need (allocation / need, in %), sorted
# from the lowest, on an axis zoomed to where the units are, so that a shortfall of a
# fraction of a point shows; need itself (100%) dashed, the lowest coverage dotted,
# the lowest and highest units named, and how many units are under need.
# Reads $coverage (rank, coverage), unit_count, under_need, lowest_coverage and
# lowest_unit, highest_coverage and highest_unit from the driver.
chart_title = w_coverage_title
load plots.'/lib/run_page.gp'
cov_lo = 100 * lowest_coverage < 100 ? 100 * lowest_coverage : 100
cov_hi = 100 * highest_coverage > 100 ? 100 * highest_coverage : 100
cov_span = cov_hi - cov_lo > 0.5 ? cov_hi - cov_lo : 0.5
axis_step = fs_step(cov_span * 1.3, 6)
axis = 'y'; axis_low = floor((cov_lo - 0.15 * cov_span) / axis_step) * axis_step
axis_high = ceil((cov_hi + 0.15 * cov_span) / axis_step) * axis_step; axis_suffix = '%'
load plots.'/lib/number_axis.gp'
set xrange [0:unit_count + 1]
set xtics out nomirror
set key top left opaque box
set xlabel w_coverage_x
set ylabel w_coverage_y
# The counts and the two ends, in words, at the top left, where the sorted bars are
# lowest: nothing is written over the data.
set label 1 sprintf(w_coverage_under, fs_number(under_need, 0), fs_number(unit_count, 0)) \
    at graph 0.02, graph 0.74 left font ',13'
set label 2 sprintf(w_coverage_lowest, lowest_unit, fs_number(100 * lowest_coverage, 2) . '%') \
    at graph 0.02, graph 0.68 left font ',12'
set label 3 sprintf(w_coverage_highest, highest_unit, fs_number(100 * highest_coverage, 2) . '%') \
    at graph 0.02, graph 0.63 left font ',12'
if (unit_count > 150) {
    # Too many for bars: the sorted coverages as a filled step line.
    set style fill solid 0.35 noborder
    plot $coverage using 1:(100 * $2) with filledcurves y1 = axis_low lc 'gray40' title w_coverage_bar, \
         100 with lines dt 2 lw 2 lc 'black' title w_need_line, \
         100 * lowest_coverage with lines dt 3 lw 2 lc 'black' title w_lowest_line
} else {
    set style fill pattern 4 border lc 'black'
    set boxwidth 0.8
    plot $coverage using 1:(100 * $2) with boxes lc 'black' title w_coverage_bar, \
         100 with lines dt 2 lw 2 lc 'black' title w_need_line, \
         100 * lowest_coverage with lines dt 3 lw 2 lc 'black' title w_lowest_line
}
