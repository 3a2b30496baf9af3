# plots/lib/panel_axis.gp: the y axis of a panel of values from panel_low to
# panel_high: from 0 (or below the lowest value when it is negative) to above the
# highest, with a fifth of the span as room for the value labels; tics at a step of 1,
# 2 or 5 × 10^k (whole numbers when panel_whole), through lib/number_axis.gp (set
# axis_suffix before for '%').
fs_plo = panel_low < 0 ? panel_low : 0
fs_phi = panel_high > (panel_whole ? 1 : 0) ? panel_high : (panel_whole ? 1 : 0)
fs_pspan = fs_phi - fs_plo > 0 ? fs_phi - fs_plo : 1
axis_low = fs_plo < 0 ? fs_plo - 0.2 * fs_pspan : 0
axis_high = fs_phi > 0 ? fs_phi + 0.2 * fs_pspan : 0.2 * fs_pspan
fs_praw = (axis_high - axis_low) / 5.0
fs_pmag = 10.0**floor(log10(fs_praw))
fs_pnorm = fs_praw / fs_pmag
axis_step = (fs_pnorm < 1.5 ? 1 : fs_pnorm < 3 ? 2 : fs_pnorm < 7 ? 5 : 10) * fs_pmag
if (panel_whole && axis_step < 1) { axis_step = 1 }
axis = 'y'
load plots.'/lib/number_axis.gp'
