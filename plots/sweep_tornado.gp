# plots/sweep_tornado.gp: the sensitivity of each result to each parameter, one panel
# per result in a grid of 2 rows of 3, a horizontal bar per parameter with the largest
# effect on top; the sixth cell holds the key and what the bars mean.
# One at a time (tornado_oat): the result with the parameter at its low end (hatched,
# lower half of the row) and at its high end (solid, upper half) against the baseline
# (variant 1, dashed), each end's result written beside its bar; an end not solved is
# a cross on the baseline. Otherwise: the standardised regression coefficients (SRC)
# and, with a Sobol design, the total index with its interval as a hatched bar.
# Reads tornado_* and the panel_* arrays, and $tornado_<p> for each panel p (row, a, b,
# lo, hi, a_text, b_text, a_unsolved, b_unsolved, st_text_at, name, range, and the side
# of a and of b: 1 right of the baseline, -1 left, 0 on it), from the driver
# (chart_sweep_tornado.c).
chart_title = tornado_oat ? w_sw_oat_title : w_sw_tornado_title
load plots.'/lib/sweep_page.gp'
# The screen box of cell s (0 to 5, 2 rows of 3).
cell_left(s) = 0.012 + 0.33 * (s % 3)
cell_right(s) = cell_left(s) + 0.305
cell_top(s) = s >= 3 ? 0.415 : 0.83
cell_bottom(s) = s >= 3 ? 0.13 : 0.545
set multiplot
# The notes, under the key in the sixth cell: what the bars are, and how many
# parameters are left out.
array note[4]
note[1] = tornado_oat ? w_sw_oat_note : sprintf(w_sw_fit_note, fs_number(tornado_fitted, 0))
note[2] = tornado_oat ? '' : w_sw_src_note
note[3] = !tornado_oat && tornado_sobol ? w_sw_st_note : ''
note[4] = tornado_params > tornado_max_bars ? \
    sprintf(w_sw_more_params, fs_number(tornado_max_bars, 0), fs_number(tornado_params, 0)) : ''
wrap_x = cell_left(5) + 0.01
wrap_y = cell_top(5) - (tornado_oat ? 0.135 : tornado_sobol ? 0.105 : 0.07)
wrap_step = 0.02; wrap_font = ',11'; wrap_tag = 110
wrap_width = int((0.305 - 0.015) / (0.00043 * 11))
do for [n = 1:4] {
    if (strlen(note[n]) > 0) {
        wrap_text = note[n]
        load plots.'/lib/wrap.gp'
        wrap_y = wrap_y - 0.03
    }
}
# The key is drawn by the first panel with bars (an empty panel draws none).
key_panel = 0
do for [p = 1:tornado_panels] { if (key_panel == 0 && panel_empty[p] == 0) { key_panel = p } }
do for [p = 1:tornado_panels] {
    s = p - 1
    block = '$tornado_' . p
    result = panel_result[p]
    base = panel_base[p]
    set lmargin at screen cell_left(s) + tornado_label_width
    set rmargin at screen cell_right(s)
    set tmargin at screen cell_top(s)
    set bmargin at screen cell_bottom(s)
    unit = sw_result_unit(result)
    panel_title = sw_result_word(result) . (tornado_oat && strlen(unit) > 0 ? ' (' . unit . ')' : '')
    set label 103 panel_title at screen cell_left(s), screen cell_top(s) + 0.028 left font ',13'
    unset grid
    set grid xtics lc 'gray70' dt 3
    set ytics nomirror scale 0 font ',11'
    set xtics nomirror font ',11'
    rows = panel_rows[p]
    pad = ((rows > 3 ? rows : 3) - rows) / 2.0
    set yrange [0.45 - pad:rows + 0.55 + pad + (tornado_oat ? 0.5 : 0)]
    if (tornado_oat) {
        unset xlabel
    } else {
        panel_xlabel = (tornado_sobol ? w_sw_sobol_axis : w_sw_src_axis) . ' · ' . sprintf(w_sw_r2, panel_r2[p])
        set xlabel panel_xlabel font ',11' offset 0, 0.3
    }
    # The key entries come from one panel, placed in the sixth cell.
    if (p == key_panel) {
        set key at screen cell_left(5) + 0.005, screen cell_top(5) + 0.02 top left Left reverse samplen 2.5 \
            spacing 1.3 width 2 font ',12'
    } else {
        unset key
    }
    if (panel_empty[p] > 0) {
        # Nothing to compare: the note instead of the bars, centred in the cell (not in
        # the plot box, whose left margin is kept for the parameters' names).
        empty_text = panel_empty[p] == 1 ? w_sw_none_solved : panel_empty[p] == 2 ? w_sw_base_infeasible : \
            w_sw_no_change . "\n" . panel_value[p] . (strlen(unit) > 0 && unit ne '%' ? ' ' . unit : '')
        unset ytics; unset xtics; unset xlabel
        set xrange [-1:1]
        set label 104 empty_text at screen (cell_left(s) + cell_right(s)) / 2, \
            screen (cell_top(s) + cell_bottom(s)) / 2 center font ',12'
        plot -1e30 notitle
    } else {
        # About five ticks: the panels are narrow; SRC on the same scale in every panel.
        axis = 'x'; axis_low = panel_lo[p]; axis_high = panel_hi[p]
        axis_step = tornado_oat ? fs_step(axis_high - axis_low, 5) : 0.5
        axis_suffix = tornado_oat && result eq 'min_coverage' ? '%' : ''
        load plots.'/lib/number_axis.gp'
        if (tornado_oat) {
            set arrow 1 from base, graph 0 to base, graph 1 nohead dt 2 lw 2 lc 'black' front
            base_label = sprintf(w_sw_baseline_note, panel_base_text[p])
            if (real(base - axis_low) / (axis_high - axis_low) > 0.5) {
                set label 105 base_label at base, graph 1 right offset -0.5, -0.8 font ',10'
            } else {
                set label 105 base_label at base, graph 1 left offset 0.5, -0.8 font ',10'
            }
            # The parameter's name and its two ends as the row's tic label (an
            # invisible point carries it); each end's result beside its bar, away from
            # the baseline; an end not solved, a cross on the baseline.
            plot block using (base):1:ytic(strcol(11) . "\n" . strcol(12)) with points ps 0 notitle, \
                 '' using 3:($1 + 0.19):(base < $3 ? base : $3):(base < $3 ? $3 : base):($1 + 0.03):($1 + 0.35) \
                     with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title w_sw_high_end, \
                 '' using 2:($1 - 0.19):(base < $2 ? base : $2):(base < $2 ? $2 : base):($1 - 0.35):($1 - 0.03) \
                     with boxxyerror fs pattern 4 border lc 'black' lc 'black' title w_sw_low_end, \
                 NaN with lines dt 2 lw 2 lc 'black' title w_sw_baseline, \
                 for [k = 1:tornado_unsolved] NaN with points pt 2 ps 2 lw 2 lc 'black' title w_sw_end_infeasible, \
                 for [k = 1:(panel_unsolved[p] > 0)] '' using ($8 > 0 ? base : NaN):($1 - 0.19) \
                     with points pt 2 ps 2 lw 2 lc 'black' notitle, \
                 for [k = 1:(panel_unsolved[p] > 0)] '' using ($9 > 0 ? base : NaN):($1 + 0.19) \
                     with points pt 2 ps 2 lw 2 lc 'black' notitle, \
                 for [k = 1:(panel_above_a[p] > 0)] '' using ($13 > 0 ? $2 : NaN):($1 - 0.19):6 \
                     with labels left offset 0.5, 0 font ',10' notitle, \
                 for [k = 1:(panel_below_a[p] > 0)] '' using ($13 < 0 ? $2 : NaN):($1 - 0.19):6 \
                     with labels right offset -0.5, 0 font ',10' notitle, \
                 for [k = 1:(panel_above_b[p] > 0)] '' using ($14 > 0 ? $3 : NaN):($1 + 0.19):7 \
                     with labels left offset 0.5, 0 font ',10' notitle, \
                 for [k = 1:(panel_below_b[p] > 0)] '' using ($14 < 0 ? $3 : NaN):($1 + 0.19):7 \
                     with labels right offset -0.5, 0 font ',10' notitle
        } else {
            set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
            mid = tornado_sobol ? 0.19 : 0
            half = tornado_sobol ? 0.16 : 0.3
            plot block using (0):1:ytic(11) with points ps 0 notitle, \
                 '' using 2:($1 + mid):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + mid - half):($1 + mid + half) \
                     with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title w_sw_src_bar, \
                 for [k = 1:tornado_sobol] '' using 3:($1 - 0.19):($3 < 0 ? $3 : 0):($3 < 0 ? 0 : $3):($1 - 0.35):($1 - 0.03) \
                     with boxxyerror fs pattern 4 border lc 'black' lc 'black' title w_sw_st_bar, \
                 for [k = 1:tornado_sobol] '' using 3:($1 - 0.19):4:5 with xerrorbars pt -1 lw 1.5 lc 'black' notitle, \
                 for [k = 1:(tornado_sobol && panel_above_b[p] > 0)] '' using ($14 > 0 ? $10 : NaN):($1 - 0.19):7 \
                     with labels left offset 0.5, 0 font ',10' notitle, \
                 for [k = 1:(panel_above_a[p] > 0)] '' using ($13 > 0 ? $2 : NaN):($1 + mid):6 \
                     with labels left offset 0.5, 0 font ',10' notitle, \
                 for [k = 1:(panel_below_a[p] > 0)] '' using ($13 < 0 ? $2 : NaN):($1 + mid):6 \
                     with labels right offset -0.5, 0 font ',10' notitle
        }
    }
    unset label 103; unset label 104; unset label 105
    # The page's title, footer and notes are drawn with the first panel only: drawn
    # again on every panel, their letters would thicken.
    if (p == 1) {
        unset label 100; unset label 101; unset label 102
        do for [t = 110:wrap_tag] { unset label t }
    }
    unset arrow 1
    set xtics autofreq
}
if (tornado_panels == 0) { plot -1e30 notitle }
unset multiplot
