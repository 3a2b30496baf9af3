# plots/lib/number_axis.gp: an axis of numbers in the run's language. Set
#   axis = 'y'; axis_low = 0; axis_high = 30000; axis_step = 5000; axis_suffix = ''
# then `load plots.'/lib/number_axis.gp'`: it sets <axis>range [axis_low:axis_high]
# and a tic at every multiple of axis_step between them, labelled with fs_number
# (lib/common.gp) in as many decimals as the step needs, then axis_suffix ('%' for
# percentages). axis is x, y, x2 or y2. axis_suffix goes back to '' after.
if (!exists("axis_suffix")) { axis_suffix = '' }
# A tic label is read as a format (gnuplot prints the tic's value through it): % doubled.
fs_suffix = axis_suffix eq '%' ? '%%' : axis_suffix
fs_d = fs_decimals(axis_step)
eval sprintf('set %srange [%.10g:%.10g]', axis, axis_low, axis_high)
eval sprintf('set %stics ()', axis)
do for [fs_k = ceil(axis_low / axis_step - 1e-9) : floor(axis_high / axis_step + 1e-9)] {
    fs_label = (fs_k == 0 ? '0' : fs_number(fs_k * axis_step, fs_d)) . fs_suffix
    eval sprintf('set %stics add ("%s" %.10g)', axis, fs_label, fs_k * axis_step)
}
axis_suffix = ''
