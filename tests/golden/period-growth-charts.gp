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
scenario = 'water filling over three years'
fingerprint = '7c704bc403359378'
money_unit = 'million VND'
in_billions = 1
$coverage << EOD
# rank coverage (allocation / need)
1 0.5
2 0.5
3 2
EOD
unit_count = 3
lowest_coverage = 0.5
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
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/coverage.png'
load plots.'/coverage.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/per_capita.png'
load plots.'/per_capita.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/revenue_split.png'
load plots.'/revenue_split.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/lorenz.png'
load plots.'/lorenz.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/period.png'
$period << EOD
# year min_coverage(%) transfer units_under_need own_revenue and their labels
2026 50 0.75 2 0.15 "50,0%" "0,750" "2" "0,150"
2027 59 0.84 2 0.15 "59,0%" "0,840" "2" "0,150"
2028 68.8333 0.939 2 0.15 "68,8%" "0,939" "2" "0,150"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set bmargin 6
set title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set label 100 'fiscalsim · water filling over three years · mã dữ liệu 7c704bc403359378 · số liệu từng đơn vị là ước tính' at screen 0.01, screen 0.015 font ',9'
set multiplot layout 2,2 rowsfirst title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set key off
set bmargin 4
set xrange [2025.5:2028.5]
set xtics 2026, 1, 2028 format '%.0f'
set mxtics 1
set title 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' font ',13'
set ylabel '% nhu cầu chi'
set yrange [0:82.59996]
set ytics ('0%%' 0, '20%%' 20, '40%%' 40, '60%%' 60, '80%%' 80)
plot 100 with lines dt 2 lw 1.5 lc 'gray40' notitle, \
     $period using 1:2 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:2:6 with labels center offset 0, 1.3 font ',10' notitle
unset label 100
set title 'Tổng bổ sung cân đối cho cấp xã' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:1.1268]
set ytics ('0' 0, '0,2' 0.2, '0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1)
plot $period using 1:3 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:3:7 with labels center offset 0, 1.3 font ',10' notitle
set title 'Số đơn vị được phân bổ dưới nhu cầu chi' font ',13'
set ylabel 'Số đơn vị'
set yrange [0:2.4]
set ytics ('0' 0, '1' 1, '2' 2)
plot $period using 1:4 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:4:8 with labels center offset 0, 1.3 font ',10' notitle
set title 'Nguồn thu cấp xã được hưởng' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:0.18]
set ytics ('0' 0, '0,05' 0.05, '0,10' 0.1, '0,15' 0.15)
plot $period using 1:5 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:5:9 with labels center offset 0, 1.3 font ',10' notitle
unset multiplot
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/coverage.svg'
load plots.'/coverage.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/per_capita.svg'
load plots.'/per_capita.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/revenue_split.svg'
load plots.'/revenue_split.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/lorenz.svg'
load plots.'/lorenz.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'period').'/period.svg'
$period << EOD
# year min_coverage(%) transfer units_under_need own_revenue and their labels
2026 50 0.75 2 0.15 "50,0%" "0,750" "2" "0,150"
2027 59 0.84 2 0.15 "59,0%" "0,840" "2" "0,150"
2028 68.8333 0.939 2 0.15 "68,8%" "0,939" "2" "0,150"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set bmargin 6
set title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set label 100 'fiscalsim · water filling over three years · mã dữ liệu 7c704bc403359378 · số liệu từng đơn vị là ước tính' at screen 0.01, screen 0.015 font ',9'
set multiplot layout 2,2 rowsfirst title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set key off
set bmargin 4
set xrange [2025.5:2028.5]
set xtics 2026, 1, 2028 format '%.0f'
set mxtics 1
set title 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' font ',13'
set ylabel '% nhu cầu chi'
set yrange [0:82.59996]
set ytics ('0%%' 0, '20%%' 20, '40%%' 40, '60%%' 60, '80%%' 80)
plot 100 with lines dt 2 lw 1.5 lc 'gray40' notitle, \
     $period using 1:2 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:2:6 with labels center offset 0, 1.3 font ',10' notitle
unset label 100
set title 'Tổng bổ sung cân đối cho cấp xã' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:1.1268]
set ytics ('0' 0, '0,2' 0.2, '0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1)
plot $period using 1:3 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:3:7 with labels center offset 0, 1.3 font ',10' notitle
set title 'Số đơn vị được phân bổ dưới nhu cầu chi' font ',13'
set ylabel 'Số đơn vị'
set yrange [0:2.4]
set ytics ('0' 0, '1' 1, '2' 2)
plot $period using 1:4 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:4:8 with labels center offset 0, 1.3 font ',10' notitle
set title 'Nguồn thu cấp xã được hưởng' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:0.18]
set ytics ('0' 0, '0,05' 0.05, '0,10' 0.1, '0,15' 0.15)
plot $period using 1:5 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:5:9 with labels center offset 0, 1.3 font ',10' notitle
unset multiplot
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'period').'/council-pack.pdf'
load plots.'/coverage.gp'
load plots.'/per_capita.gp'
load plots.'/revenue_split.gp'
load plots.'/lorenz.gp'
$period << EOD
# year min_coverage(%) transfer units_under_need own_revenue and their labels
2026 50 0.75 2 0.15 "50,0%" "0,750" "2" "0,150"
2027 59 0.84 2 0.15 "59,0%" "0,840" "2" "0,150"
2028 68.8333 0.939 2 0.15 "68,8%" "0,939" "2" "0,150"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set bmargin 6
set title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set label 100 'fiscalsim · water filling over three years · mã dữ liệu 7c704bc403359378 · số liệu từng đơn vị là ước tính' at screen 0.01, screen 0.015 font ',9'
set multiplot layout 2,2 rowsfirst title 'water filling over three years: Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028' font ',16'
set key off
set bmargin 4
set xrange [2025.5:2028.5]
set xtics 2026, 1, 2028 format '%.0f'
set mxtics 1
set title 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' font ',13'
set ylabel '% nhu cầu chi'
set yrange [0:82.59996]
set ytics ('0%%' 0, '20%%' 20, '40%%' 40, '60%%' 60, '80%%' 80)
plot 100 with lines dt 2 lw 1.5 lc 'gray40' notitle, \
     $period using 1:2 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:2:6 with labels center offset 0, 1.3 font ',10' notitle
unset label 100
set title 'Tổng bổ sung cân đối cho cấp xã' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:1.1268]
set ytics ('0' 0, '0,2' 0.2, '0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1)
plot $period using 1:3 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:3:7 with labels center offset 0, 1.3 font ',10' notitle
set title 'Số đơn vị được phân bổ dưới nhu cầu chi' font ',13'
set ylabel 'Số đơn vị'
set yrange [0:2.4]
set ytics ('0' 0, '1' 1, '2' 2)
plot $period using 1:4 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:4:8 with labels center offset 0, 1.3 font ',10' notitle
set title 'Nguồn thu cấp xã được hưởng' font ',13'
set ylabel 'tỷ đồng'
set yrange [0:0.18]
set ytics ('0' 0, '0,05' 0.05, '0,10' 0.1, '0,15' 0.15)
plot $period using 1:5 with linespoints lw 2.5 pt 7 ps 1.4 lc 'black' notitle, \
     '' using 1:5:9 with labels center offset 0, 1.3 font ',10' notitle
unset multiplot
unset output
