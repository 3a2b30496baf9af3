# plots/revenue_split.gp: each revenue source split between the central budget, the
# city and the commune level, as stacked bars. Reads $split (source name, central, city,
# commune, in the display unit: tỷ đồng when the money unit is million VND).
chart_title = fs_upper('w_split_title')
load plots.'/lib/run_page.gp'
set style data histograms
set style histogram rowstacked
set boxwidth 0.7
set style fill pattern border lc 'black'
set xtics rotate by -35 left font ',9'
set bmargin 12
set rmargin 12
set key top right
stats $split using 0:($2 + $3 + $4) nooutput
split_step = fs_step(STATS_max_y, 6)
axis = 'y'; axis_low = 0; axis_high = fs_ceil_step(STATS_max_y, split_step); axis_step = split_step
load plots.'/lib/number_axis.gp'
set ylabel in_billions ? w_billion : money_unit
plot $split using 2:xtic(1) lc 'black' fs pattern 2 title w_central, \
     '' using 3 lc 'black' fs pattern 0 title fs_upper('w_city'), \
     '' using 4 lc 'black' fs pattern 5 title w_commune
