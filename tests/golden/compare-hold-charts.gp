# Drawn by fiscalsim compare from its tables; rerun with: gnuplot compare-charts.gp
# fiscalsim sets `outdir` to draw into its staging folder; rerun by hand, the charts go to the
# folder each `set output` names.
set encoding utf8
# The chart scripts (plots/); another copy: gnuplot -e "plots='DIR'" <this script>
if (!exists("plots")) plots = 'PLOTS'
lang = 'vi'
thousands = '.'
decimal = ','
load plots.'/lib/common.gp'
load plots.'/words/'.lang.'.gp'
base = 'water filling'
reform = 'water filling, half hold-harmless'
money_unit = 'million VND'
in_billions = 1
upper_level = 'city'
$groups << EOD
# x label (two lines) winners losers change
1 "Xã" "" 1 1 -0.12
2 "Phường" "" 1 0 0.12
4 "loại I" "" 1 0 0.12
5 "loại II" "" 1 1 -0.12
7 "X" "" 2 1 0
EOD
groups_x_max = 7
array dim_seen[3]
array dim_first[3]
array dim_last[3]
dim_seen[1] = 1; dim_first[1] = 1; dim_last[1] = 2
dim_seen[2] = 1; dim_first[2] = 4; dim_last[2] = 5
dim_seen[3] = 1; dim_first[3] = 7; dim_last[3] = 7
groups_top = 2
groups_bottom = 1
groups_high = 0.12
groups_low = -0.12
$units << EOD
# rank change name
1 -0.2 "A"
2 0.08 "C"
3 0.12 "B"
EOD
unit_count = 3
changes_high = 0.12
changes_low = -0.2
array down_name[3]
array down_at[3]
array down_change[3]
down_name[1] = 'A'; down_at[1] = 1; down_change[1] = -0.2
down_count = 1
array up_name[3]
array up_at[3]
array up_change[3]
up_name[1] = 'B'; up_at[1] = 3; up_change[1] = 0.12
up_name[2] = 'C'; up_at[2] = 2; up_change[2] = 0.08
up_count = 2
$up << EOD
# coverage_before coverage_after
0.5 0.7
0.5 0.7
EOD
$down << EOD
# coverage_before coverage_after
2 1
EOD
$same << EOD
# coverage_before coverage_after
EOD
up_units = 2
down_units = 1
same_units = 0
scatter_low = 0.41
scatter_high = 2.09
cover_units = 3
cover_winners = 2
cover_losers = 1
array has_total[4]
array total_before[4]
array total_after[4]
has_total[1] = 1; total_before[1] = 900; total_after[1] = 900
has_total[2] = 1; total_before[2] = 750; total_after[2] = 750
has_total[3] = 1; total_before[3] = 150; total_after[3] = 150
has_total[4] = 0; total_before[4] = 0; total_after[4] = 0
lowest_before = 0.5
lowest_after = 0.7
cover_has_disb = 0
pack_date = '01/12/2026'
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_groups.png'
load plots.'/compare_groups.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_units.png'
load plots.'/compare_units.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_scatter.png'
load plots.'/compare_scatter.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_groups.svg'
load plots.'/compare_groups.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_units.svg'
load plots.'/compare_units.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_scatter.svg'
load plots.'/compare_scatter.gp'
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare-pack.pdf'
load plots.'/compare_cover.gp'
load plots.'/compare_groups.gp'
load plots.'/compare_units.gp'
load plots.'/compare_scatter.gp'
unset output
