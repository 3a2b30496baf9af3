# plots/disbursement.gp: the plan year's public investment disbursement, in % of the
# plan in place: the whole plan's forecast (solid) in its band (light gray), the lower
# level's forecast (dashed) and band edges (dotted), the schedule under the cash limit
# at month ends (open squares), the published points (filled).
# Reads $disb_daily (date, whole, its band, lower, its band; %), $disb_scheduled and
# $disb_seen_whole / $disb_seen_lower (date, %), has_scheduled, has_seen_whole,
# has_seen_lower (0 or 1), disb_first and disb_last (the axis, YYYY-MM-DD) and
# month_tics (the months in the run's language) from the driver.
chart_title = w_disb_title
load plots.'/lib/run_page.gp'
set xdata time
set timefmt '%Y-%m-%d'
set xrange [disb_first:disb_last]
# month_tics: a minor tic at each month's start (the grid), each month's name at its
# middle, so that a month-end point sits at the right end of its own month.
eval 'set xtics ' . month_tics
set xtics scale 0, 1
set yrange [0:105]
set ytics 0, 10, 100
set format y '%g%%'
set grid mxtics ytics lc 'gray70' dt 3
# The key below the plot, not over the curves.
set bmargin 12
set key at screen 0.5, screen 0.085 center center horizontal maxrows 3 width 1 spacing 1.1 font ',12'
set xlabel w_disb_x
set ylabel w_disb_y
plot $disb_daily using 1:3:4 with filledcurves fs solid 1.0 noborder fc 'light-gray' title w_disb_band, \
     100 with lines dt 4 lw 1.5 lc 'gray40' title w_disb_plan, \
     $disb_daily using 1:6 with lines dt 3 lw 2 lc 'black' title w_disb_lower_band, \
     $disb_daily using 1:7 with lines dt 3 lw 2 lc 'black' notitle, \
     $disb_daily using 1:5 with lines dt 2 lw 2.5 lc 'black' title w_disb_lower, \
     $disb_daily using 1:2 with lines dt 1 lw 3 lc 'black' title w_disb_whole, \
     for [k = 1:has_scheduled] $disb_scheduled using 1:2 with points pt 4 ps 1.3 lw 2 lc 'black' \
         title w_disb_scheduled, \
     for [k = 1:has_seen_whole] $disb_seen_whole using 1:2 with points pt 7 ps 1.8 lc 'black' \
         title w_disb_seen_whole, \
     for [k = 1:has_seen_lower] $disb_seen_lower using 1:2 with points pt 9 ps 2.0 lc 'black' \
         title w_disb_seen_lower
