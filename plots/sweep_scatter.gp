# plots/sweep_scatter.gp: the lowest coverage of each solved variant against the (up
# to) three parameters with the largest |SRC|, one panel each, sharing the y axis; the
# infeasible variants are crosses in a strip below the axis (labelled on it), spread by
# their number so that their density shows, with their count at each value of a
# parameter with few values; the counts in the key.
# Reads $scatter (variant, coverage in %, infeasible, the panels' parameters), sc_*
# (sc_panels, sc_step, sc_solved, sc_infeasible, sc_low, sc_high, sc_span, and the
# arrays sc_xlo, sc_xhi, sc_src, sc_name, sc_detail, sc_key, sc_counts) and
# $sc_counts_<p> from the driver (chart_sweep_scatter.c).
chart_title = w_sw_scatter_title
load plots.'/lib/sweep_page.gp'
sc_strip = sc_low - 0.12 * sc_span
sc_line = sc_low - 0.055 * sc_span
sc_bottom = sc_low - 0.19 * sc_span
sc_top = sc_high + 0.05 * sc_span
# Ticks from the dashed line up, none in the strip.
sc_ytick = fs_step(sc_span, 6)
sc_first = ceil((sc_line + 0.015 * sc_span) / sc_ytick - 1e-9) * sc_ytick
set multiplot
set yrange [sc_bottom:sc_top]
if (sc_infeasible > 0) {
    set arrow 1 from graph 0, first sc_line to graph 1, first sc_line nohead dt 2 lc 'gray40'
}
set grid xtics ytics lc 'gray70' dt 3
set xtics nomirror font ',11'
set key at screen 0.97, screen 0.885 right horizontal samplen 1 width 2 font ',12'
set label 105 w_sw_scatter_y at screen 0.018, screen 0.51 center rotate by 90 font ',12'
if (sc_step > 1) {
    set label 104 sprintf(w_sw_thinned, fs_number(sc_step, 0)) at screen 0.03, screen 0.885 left font ',11'
}
if (sweep_infeasible > 0) {
    set label 106 w_sw_scatter_note at screen 0.5, screen 0.05 center font ',11'
}
# The panels share the y axis: its labels on the first only.
sc_width = 0.87 / (sc_panels > 0 ? sc_panels : 1)
points_style = sc_solved > 2000 ? 0.35 : sc_solved > 300 ? 0.7 : 1.2
points_type = sc_solved > 2000 ? 7 : 6
do for [p = 1:sc_panels] {
    left = 0.1 + sc_width * (p - 1)
    set lmargin at screen left
    set rmargin at screen left + sc_width - 0.025
    set tmargin at screen 0.82
    set bmargin at screen 0.2
    # Only the tics from the dashed line up; the first panel's labelled, with the strip.
    set ytics ()
    do for [t = 0:int((sc_top - sc_first) / sc_ytick + 1e-9)] {
        tic_at = sc_first + t * sc_ytick
        tic_text = p == 1 ? fs_number(tic_at, fs_decimals(sc_ytick)) . '%%' : ''
        set ytics add (tic_text tic_at)
    }
    set ytics nomirror font ',11'
    if (sc_infeasible > 0 && p == 1) { set ytics add (w_sw_infeasible_strip sc_strip) }
    axis = 'x'; axis_low = sc_xlo[p]; axis_high = sc_xhi[p]; axis_step = fs_step(axis_high - axis_low, 5)
    load plots.'/lib/number_axis.gp'
    wrap_width = int((sc_width - 0.03) / (0.00043 * 12))
    wrap_text = sc_name[p]
    load plots.'/lib/wrap_string.gp'
    sc_title = wrap_result
    if (strlen(sc_detail[p]) > 0) {
        wrap_text = sc_detail[p]
        load plots.'/lib/wrap_string.gp'
        sc_title = sc_title . "\n" . wrap_result
    }
    set xlabel sc_title font ',12'
    sc_panel = sc_key[p] . ' · ' . sprintf(w_sw_panel_src, fs_number(sc_src[p], 2))
    set label 103 sc_panel at screen left, screen 0.835 left font ',13'
    if (p > 1) { unset key }
    counts = '$sc_counts_' . p
    plot for [k = 1:(sc_solved > 0)] $scatter using (column(3 + p)):2 with points pt points_type ps points_style \
             lc 'black' title sprintf(w_sw_solved_points, fs_number(sc_solved, 0)), \
         for [k = 1:(sc_infeasible > 0)] $scatter \
             using (column(3 + p)):($3 > 0 ? sc_strip + 0.011 * sc_span * (int($1) % 7 - 3) : NaN) \
             with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title sprintf(w_sw_infeasible_points, fs_number(sc_infeasible, 0)), \
         for [k = 1:(sc_counts[p] > 0)] counts using 1:(sc_strip):(fs_number($2, 0)) \
             with labels left offset 1, 0 font ',11' notitle, \
         for [k = 1:(sc_solved == 0 && sc_infeasible == 0)] -1e30 notitle
    unset label 103
    # The page's labels are drawn with the first panel only (drawn again, their letters
    # would thicken).
    if (p == 1) { unset label 100; unset label 101; unset label 102; unset label 104; unset label 105; unset label 106 }
}
if (sc_panels == 0) { plot -1e30 notitle }
unset multiplot
