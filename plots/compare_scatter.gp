# plots/compare_scatter.gp: each unit's coverage of need before (x) and after (y):
# up triangles for the winners, down triangles for the losers, circles for the
# unchanged, and the line y = x; the counts in the key.
# Reads $up, $down, $same (coverage before, after), up_units, down_units, same_units,
# scatter_low and scatter_high (the axes' ends) from the driver.
chart_title = w_cmp_scatter_title
load plots.'/lib/compare_page.gp'
set size ratio -1
set lmargin at screen 0.2
axis_low = scatter_low; axis_high = scatter_high; axis_step = fs_step(scatter_high - scatter_low, 6)
axis = 'x'
load plots.'/lib/number_axis.gp'
axis = 'y'
load plots.'/lib/number_axis.gp'
set grid xtics ytics lc 'gray70' dt 3
set key at graph 1.05, graph 1 top left Left reverse spacing 1.4
set xlabel w_cmp_scatter_x
set ylabel w_cmp_scatter_y
counted(word, n) = sprintf('%s (%s)', word, fs_number(n, 0))
plot x with lines dt 2 lw 2 lc 'gray40' title w_cmp_diagonal, \
     for [k = 1:(up_units > 0)] $up using 1:2 with points pt 9 ps 1.6 lc 'black' \
         title counted(w_cmp_winners, up_units), \
     for [k = 1:(down_units > 0)] $down using 1:2 with points pt 11 ps 1.6 lc 'gray40' \
         title counted(w_cmp_losers, down_units), \
     for [k = 1:(same_units > 0)] $same using 1:2 with points pt 6 ps 1.4 lc 'black' \
         title counted(w_cmp_unchanged, same_units)
