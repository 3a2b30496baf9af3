# plots/compare_disbursement.gp (both scenarios with disbursement): the daily forecast
# of the whole plan's disbursement before (a wide gray band) and after (a black line
# over it, so that both show where they agree), on a time axis by month; each
# comparison date a dotted line with both shares written above the 100% line, where no
# curve goes, in two alternating rows so that close dates do not collide.
# Reads $disb_before and $disb_after (date, % of plan), $disb_dates (date, before,
# after in %), disb_dates, disb_first, disb_last, disb_right and month_tics from the
# driver.
chart_title = w_cmp_disb_title
load plots.'/lib/compare_page.gp'
set xdata time
set timefmt '%Y-%m-%d'
set xrange [disb_first:disb_right]
set rmargin 4
# A minor tic at each month's start (the grid), each month's name at its middle.
eval 'set xtics ' . month_tics
set xtics scale 0, 1
set yrange [0:113]
set ytics 0, 10, 100
set format y '%g%%'
set grid mxtics ytics lc 'gray70' dt 3
set key bottom right opaque box spacing 1.4
set xlabel w_disb_x
set ylabel w_disb_y
set style textbox opaque noborder margins 2, 2
share(x) = fs_number(x, 1) . '%'
plot 100 with lines dt 4 lw 1.5 lc 'gray60' notitle, \
     $disb_before using 1:2 with lines dt 1 lw 9 lc 'gray' title w_cmp_before, \
     $disb_after using 1:2 with lines dt 1 lw 2.5 lc 'black' title w_cmp_after, \
     for [k = 1:(disb_dates > 0)] $disb_dates using 1:(0):(0):(113) with vectors nohead dt 3 lw 1.5 lc 'gray40' \
         notitle, \
     for [k = 1:(disb_dates > 0)] $disb_dates using 1:2 with points pt 6 ps 2.2 lw 2 lc 'gray40' notitle, \
     for [k = 1:(disb_dates > 0)] $disb_dates using 1:3 with points pt 7 ps 1.2 lc 'black' notitle, \
     for [k = 1:(disb_dates > 0)] $disb_dates using 1:(int(column(0)) % 2 ? 104 : 109):(share($2) . ' → ' . share($3)) \
         with labels center font ',11' boxed notitle
