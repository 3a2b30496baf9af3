# Drawn by fiscalsim from the run's tables; rerun with: gnuplot charts.gp
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
scenario = 'water filling'
fingerprint = '47ec7bc9629fc6a8'
money_unit = 'million VND'
in_billions = 1
upper_level = 'city'
$coverage << EOD
# rank coverage (allocation / need)
1 0.5
2 0.5
3 2
EOD
unit_count = 3
under_need = 2
lowest_coverage = 0.5
highest_coverage = 2
lowest_unit = 'B'
highest_unit = 'A'
$per_capita << EOD
# kind class allocation_per_person
commune II 0.20000000000000001
ward I 0.10000000000000001
EOD
$split << EOD
# source central city commune
"fees" 0 0 0.14999999999999999
EOD
$lorenz << EOD
# population allocation (cumulative shares)
0 0
0.5 0.33333333333333331
0.83333333333333326 0.55555555555555558
0.99999999999999989 1
EOD
gini = 0.27777777777777801
cover_year = 2026
cover_legal = 0
cover_units = 3
cover_under = 2
cover_need = 1200
cover_own = 150
cover_transfer = 750
cover_targeted = 0
cover_allocation = 900
cover_has_envelope = 1
cover_envelope = 900
cover_has_city = 0
cover_city = 0
cover_lowest = 0.5
cover_lowest_unit = 'B'
binding_coverage = 2
binding_hold_harmless = 1
binding_coverage_min = 0
binding_cap = 0
binding_floor = 0
binding_envelope = 1
binding_city_balance = 0
binding_stability = 0
binding_share_min = 0
binding_share_max = 0
share_lines = 0
cover_has_disb = 0
pack_date = '01/12/2026'
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/coverage.png'
load plots.'/coverage.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/per_capita.png'
load plots.'/per_capita.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/revenue_split.png'
load plots.'/revenue_split.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/lorenz.png'
load plots.'/lorenz.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/coverage.svg'
load plots.'/coverage.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/per_capita.svg'
load plots.'/per_capita.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/revenue_split.svg'
load plots.'/revenue_split.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'out').'/lorenz.svg'
load plots.'/lorenz.gp'
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'out').'/council-pack.pdf'
load plots.'/cover.gp'
load plots.'/coverage.gp'
load plots.'/per_capita.gp'
load plots.'/revenue_split.gp'
load plots.'/lorenz.gp'
unset output
