# plots/lorenz.gp: the Lorenz curve of the allocation per person, with the Gini
# coefficient, against perfect equality. Reads $lorenz (cumulative share of population,
# cumulative share of allocation) and gini from the driver.
chart_title = w_lorenz_title
load plots.'/lib/run_page.gp'
set size ratio -1
set key top left
axis = 'x'; axis_low = 0; axis_high = 1; axis_step = 0.2
load plots.'/lib/number_axis.gp'
axis = 'y'
load plots.'/lib/number_axis.gp'
set xlabel w_lorenz_x
set ylabel w_lorenz_y
plot $lorenz using 1:2 with lines lw 3 dt 1 lc 'black' title w_lorenz_curve . ' (Gini ' . fs_number(gini, 4) . ')', \
     x with lines lw 1 dt 2 lc 'black' title w_equality
