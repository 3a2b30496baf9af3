# plots/sweep_fan.gp (a sweep with dates): the forecast share of the plan disbursed at
# each month end over the solved variants, from 1 January of the plan year to the
# deadline: the 5th–95th percentiles as a light gray band, the 25th–75th darker, the
# median a solid line with points, the mean dashed, the plan (100%) dashed gray. Each
# of the sweep's dates is a dotted line with its date and median above the 100% line,
# in two alternating rows so that close dates do not collide. Above the plot: the
# deadline's median and middle 90%, and the widest band in percentage points (on a
# 0–100% axis a band a point wide hardly shows).
# Reads $fan (month end, p05, p25, p50, p75, p95, mean in %), fan_drawn, fan_first,
# fan_right, month_tics, fan_dates with the arrays fan_date, fan_date_text,
# fan_date_median (-1: none) and fan_date_align, fan_has_widest, fan_deadline,
# fan_deadline_median, fan_deadline_p05, fan_deadline_p95, fan_widest_at and
# fan_widest from the driver (chart_sweep_fan.c).
chart_title = w_sw_fan_title
load plots.'/lib/sweep_page.gp'
percent(x) = fs_number(x, 1) . '%'
set xdata time
set timefmt '%Y-%m-%d'
set xrange [fan_first:fan_right]
set lmargin at screen 0.08
set rmargin at screen 0.97
set tmargin at screen 0.83
set bmargin at screen 0.22
set style textbox opaque noborder margins 2, 2
# A minor tic at each month's start (the grid), each month's name at its middle.
eval 'set xtics ' . month_tics
set xtics scale 0, 1
set yrange [0:113]
set ytics 0, 10, 100
set format y '%g%%'
set grid mxtics ytics lc 'gray70' dt 3
set xlabel w_disb_x
set ylabel w_sw_fan_y
# The key below the plot: over it, the date lines and the curves would cross it.
set key at screen 0.5, screen 0.075 center center horizontal maxrows 2 width 1 spacing 1.1 noopaque nobox
do for [k = 1:fan_dates] {
    set arrow k from fan_date[k], graph 0 to fan_date[k], graph 1 nohead dt 3 lw 1.5 lc 'gray40'
    date_label = fan_date_median[k] < 0 ? fan_date_text[k] : \
        sprintf(w_sw_fan_date_label, fan_date_text[k], percent(fan_date_median[k]))
    date_y = k % 2 ? 109 : 104
    if (fan_date_align[k] < 0) { set label k date_label at fan_date[k], date_y left font ',11' front boxed }
    if (fan_date_align[k] == 0) { set label k date_label at fan_date[k], date_y center font ',11' front boxed }
    if (fan_date_align[k] > 0) { set label k date_label at fan_date[k], date_y right font ',11' front boxed }
}
if (fan_has_widest && fan_deadline_median == fan_deadline_median) {
    fan_note = sprintf(w_sw_fan_deadline, fan_deadline, percent(fan_deadline_median), percent(fan_deadline_p05), \
        percent(fan_deadline_p95))
    set label 21 fan_note at screen 0.08, screen 0.89 left font ',12'
    fan_note = sprintf(w_sw_fan_widest, fs_number(fan_widest, fan_widest < 1 ? 2 : 1), fan_widest_at)
    set label 22 fan_note at screen 0.08, screen 0.86 left font ',12'
}
if (fan_drawn == 0) {
    set label 23 w_sw_none_solved at graph 0.5, graph 0.5 center font ',20'
}
plot 100 with lines dt 4 lw 1.5 lc 'gray40' title w_sw_fan_plan, \
     for [k = 1:(fan_drawn > 0)] $fan using 1:2:6 with filledcurves fs solid 1.0 noborder fc 'light-gray' \
         title w_sw_fan_outer, \
     for [k = 1:(fan_drawn > 0)] $fan using 1:3:5 with filledcurves fs solid 1.0 noborder fc 'gray60' \
         title w_sw_fan_inner, \
     for [k = 1:(fan_drawn > 0)] $fan using 1:4 with linespoints dt 1 lw 3 pt 7 ps 1.3 lc 'black' \
         title w_sw_fan_median, \
     for [k = 1:(fan_drawn > 0)] $fan using 1:7 with lines dt (10, 6) lw 2 lc 'gray30' title w_sw_fan_mean, \
     for [k = 1:(fan_dates > 0)] NaN with lines dt 3 lw 1.5 lc 'gray40' title w_sw_fan_dates
