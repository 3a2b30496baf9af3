# plots/risk.gp: the units flagged at risk of missing the disbursement deadline
# ("high" or "watch"), lowest forecast completion first, as horizontal bars with the
# forecast band as error bars and the risk threshold dashed.
# Reads $risk (y, completion, band low, band high in %, "unit name", level),
# $risk_threshold (the threshold's line), risk_threshold (a share), risk_shown,
# risk_flagged, risk_high and risk_watch (counts) from the driver.
chart_title = risk_high > 0 ? w_risk_title : w_risk_watch_title
load plots.'/lib/run_page.gp'
if (risk_shown == 0) {
    unset border; unset tics; unset grid; unset key
    set xrange [0:1]; set yrange [0:1]
    set label 1 w_risk_nobody at graph 0.5, graph 0.5 center font ',20'
    plot -1 notitle
} else {
    # The axis starts at 0 unless every value is above 50%; then 10 points below the
    # lowest, so that gaps of a few points between units stay visible.
    stats $risk using 1:($2 < $3 ? $2 : $3) nooutput
    risk_low = STATS_min_y < 100 * risk_threshold ? STATS_min_y : 100 * risk_threshold
    risk_xmin = risk_low < 50 ? 0 : 10 * floor(risk_low / 10) - 10
    # Room right of 100%, so that a band reaching 100% keeps its end mark.
    set xrange [risk_xmin:102]
    set xtics risk_xmin, 10, 100
    set yrange [0.4:risk_shown + 0.6]
    set format x '%g%%'
    unset grid
    set grid xtics lc 'gray70' dt 3
    set bmargin 9
    set key at screen 0.5, screen 0.055 center center horizontal width 2
    set ytics scale 0
    set xlabel w_risk_x
    if (risk_flagged > risk_shown) {
        set label 2 sprintf(w_risk_lowest, risk_shown, risk_flagged) at graph 0.5, graph 1 center offset 0, 0.9 font ',11'
        set tmargin 5
        set title offset 0, 1
    }
    set style fill solid 1.0 border lc 'black'
    risk_percent = fs_number(100 * risk_threshold, 100 * risk_threshold == int(100 * risk_threshold) ? 0 : 1)
    plot for [k = 1:(risk_high > 0)] $risk \
             using (risk_xmin):1:(risk_xmin):(strcol(6) eq 'high' ? $2 : NaN):($1 - 0.35):($1 + 0.35) \
             with boxxyerror fc 'gray40' title w_risk_high, \
         for [k = 1:(risk_watch > 0)] $risk \
             using (risk_xmin):1:(risk_xmin):(strcol(6) eq 'watch' ? $2 : NaN):($1 - 0.35):($1 + 0.35) \
             with boxxyerror fc 'light-gray' title w_risk_watch, \
         $risk using 2:1:3:4:ytic(5) with xerrorbars pt 7 ps 0.6 lw 1.5 lc 'black' title w_risk_band, \
         $risk_threshold using 1:2 with lines dt (8, 4) lw 2.5 lc 'black' \
             title w_risk_threshold . ' (' . risk_percent . '%)'
}
