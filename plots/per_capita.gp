# plots/per_capita.gp: the allocation per person of each kind and class of unit, as
# bars. Reads $per_capita (kind, class, allocation per person in the money unit) from
# the driver; the kinds' and classes' words come from plots/words.
chart_title = w_per_capita_title
load plots.'/lib/run_page.gp'
kind_word(k) = k eq 'commune' ? w_kind_commune : k eq 'ward' ? w_kind_ward : k eq 'special_zone' ? w_kind_special_zone : k
class_word(c) = c eq 'I' ? w_class_I : c eq 'II' ? w_class_II : c eq 'III' ? w_class_III : c eq 'special' ? w_class_special : c
set style data histograms
set style histogram clustered gap 1
set style fill pattern 2 border lc 'black'
set key off
stats $per_capita using 0:3 nooutput
pc_step = fs_step(STATS_max_y, 6)
axis = 'y'; axis_low = 0; axis_high = fs_ceil_step(STATS_max_y, pc_step); axis_step = pc_step
load plots.'/lib/number_axis.gp'
set ylabel in_billions ? w_million_per_person : money_unit
plot $per_capita using 3:xtic(kind_word(strcol(1)) . ', ' . class_word(strcol(2))) lc 'black' title w_per_capita_bar
