# Drawn by fiscalsim compare from its tables; rerun with: gnuplot compare-charts.gp
# fiscalsim sets `outdir` to draw into its staging folder; rerun by hand, the charts go to the
# folder each `set output` names.
set encoding utf8
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_groups.png'
$groups << EOD
# x label (two lines) winners losers change
1 "Xã" "" 1 1 -0.12
2 "Phường" "" 1 0 0.12
4 "loại I" "" 1 0 0.12
5 "loại II" "" 1 1 -0.12
7 "X" "" 2 1 0
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Đơn vị được tăng và bị giảm phân bổ theo nhóm' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set lmargin at screen 0.09
set rmargin at screen 0.97
set xrange [0.3:7.7]
set boxwidth 0.7
set xzeroaxis lt -1 lw 1.5
set grid noxtics
set xtics scale 0 font ',12'
set arrow 2 from 3, graph 0 to 3, graph 1 nohead dt 2 lc 'gray50'
set arrow 3 from 6, graph 0 to 6, graph 1 nohead dt 2 lc 'gray50'
set tmargin at screen 0.83
set bmargin at screen 0.56
set yrange [-1.5:2.8]
set ytics ('1' -1, '0' 0, '1' 1, '2' 2)
set ylabel 'Số đơn vị'
set label 103 'Số đơn vị được tăng (cột lên) và bị giảm (cột xuống)' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set key at screen 0.97, screen 0.885 right horizontal samplen 2 width 1
set label 1 '1' at 1, 1 center offset 0, 0.7 font ',11'
set label 2 '1' at 1, -1 center offset 0, -0.7 font ',11'
set label 3 '1' at 2, 1 center offset 0, 0.7 font ',11'
set label 4 '1' at 4, 1 center offset 0, 0.7 font ',11'
set label 5 '1' at 5, 1 center offset 0, 0.7 font ',11'
set label 6 '1' at 5, -1 center offset 0, -0.7 font ',11'
set label 7 '2' at 7, 2 center offset 0, 0.7 font ',11'
set label 8 '1' at 7, -1 center offset 0, -0.7 font ',11'
plot $groups using 1:4:xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng phân bổ', \
     '' using 1:(-$5) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm phân bổ'
unset label
unset key
set tmargin at screen 0.45
set bmargin at screen 0.17
set yrange [-0.168:0.168]
set ytics ('-0,1' -0.1, '0' 0, '0,1' 0.1)
set ylabel 'tỷ đồng'
set label 103 'Thay đổi tổng phân bổ của nhóm' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set label 1 '-0,120' at 1, -0.12 center offset 0, -0.7 font ',11'
set label 2 '+0,120' at 2, 0.12 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 4, 0.12 center offset 0, 0.7 font ',11'
set label 4 '-0,120' at 5, -0.12 center offset 0, -0.7 font ',11'
set label 90 'Loại hình' at 1.5, graph 0 center offset 0, -4.2 font ',13'
set label 91 'Phân loại' at 4.5, graph 0 center offset 0, -4.2 font ',13'
set label 92 'Tỉnh cũ' at 7, graph 0 center offset 0, -4.2 font ',13'
plot $groups using 1:($6 >= 0 ? $6 : 1/0):xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' notitle, \
     '' using 1:($6 < 0 ? $6 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' notitle
unset multiplot
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_units.png'
$units << EOD
# rank change name
1 -0.2 "A"
2 0.08 "C"
3 0.12 "B"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Thay đổi phân bổ của từng đơn vị' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set xrange [0:4]
set boxwidth 0.8 absolute
set xzeroaxis lt -1 lw 1.5
set key top center horizontal
set yrange [-0.248:0.168]
set ytics ('-0,2' -0.2, '-0,1' -0.1, '0' 0, '0,1' 0.1)
set xlabel 'Đơn vị cấp xã, xếp theo mức thay đổi (3)'
set ylabel 'tỷ đồng'
set xtics rotate by -40 left scale 0 font ',11'
set bmargin 10
set label 1 '-0,200' at 1, -0.2 center offset 0, -0.7 font ',11'
set label 2 '+0,080' at 2, 0.08 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 3, 0.12 center offset 0, 0.7 font ',11'
plot $units using 1:($2 >= 0 ? $2 : 1/0):xtic(3) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng', \
     '' using 1:($2 < 0 ? $2 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_scatter.png'
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
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Tỷ lệ đáp ứng nhu cầu chi: trước và sau' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set size ratio -1
set lmargin at screen 0.2
set xrange [0.41:2.09]
set xtics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set yrange [0.41:2.09]
set ytics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set grid xtics ytics lc 'gray70' dt 3
set key at graph 1.05, graph 1 top left Left reverse spacing 1.4
set xlabel 'Trước (phương án cơ sở)'
set ylabel 'Sau (phương án cải cách)'
plot x with lines dt 2 lw 2 lc 'gray40' title 'Đường y = x: không thay đổi', \
     $up using 1:2 with points pt 9 ps 1.6 lc 'black' title 'Được tăng phân bổ (2)', \
     $down using 1:2 with points pt 11 ps 1.6 lc 'gray40' title 'Bị giảm phân bổ (1)'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_groups.svg'
$groups << EOD
# x label (two lines) winners losers change
1 "Xã" "" 1 1 -0.12
2 "Phường" "" 1 0 0.12
4 "loại I" "" 1 0 0.12
5 "loại II" "" 1 1 -0.12
7 "X" "" 2 1 0
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Đơn vị được tăng và bị giảm phân bổ theo nhóm' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set lmargin at screen 0.09
set rmargin at screen 0.97
set xrange [0.3:7.7]
set boxwidth 0.7
set xzeroaxis lt -1 lw 1.5
set grid noxtics
set xtics scale 0 font ',12'
set arrow 2 from 3, graph 0 to 3, graph 1 nohead dt 2 lc 'gray50'
set arrow 3 from 6, graph 0 to 6, graph 1 nohead dt 2 lc 'gray50'
set tmargin at screen 0.83
set bmargin at screen 0.56
set yrange [-1.5:2.8]
set ytics ('1' -1, '0' 0, '1' 1, '2' 2)
set ylabel 'Số đơn vị'
set label 103 'Số đơn vị được tăng (cột lên) và bị giảm (cột xuống)' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set key at screen 0.97, screen 0.885 right horizontal samplen 2 width 1
set label 1 '1' at 1, 1 center offset 0, 0.7 font ',11'
set label 2 '1' at 1, -1 center offset 0, -0.7 font ',11'
set label 3 '1' at 2, 1 center offset 0, 0.7 font ',11'
set label 4 '1' at 4, 1 center offset 0, 0.7 font ',11'
set label 5 '1' at 5, 1 center offset 0, 0.7 font ',11'
set label 6 '1' at 5, -1 center offset 0, -0.7 font ',11'
set label 7 '2' at 7, 2 center offset 0, 0.7 font ',11'
set label 8 '1' at 7, -1 center offset 0, -0.7 font ',11'
plot $groups using 1:4:xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng phân bổ', \
     '' using 1:(-$5) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm phân bổ'
unset label
unset key
set tmargin at screen 0.45
set bmargin at screen 0.17
set yrange [-0.168:0.168]
set ytics ('-0,1' -0.1, '0' 0, '0,1' 0.1)
set ylabel 'tỷ đồng'
set label 103 'Thay đổi tổng phân bổ của nhóm' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set label 1 '-0,120' at 1, -0.12 center offset 0, -0.7 font ',11'
set label 2 '+0,120' at 2, 0.12 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 4, 0.12 center offset 0, 0.7 font ',11'
set label 4 '-0,120' at 5, -0.12 center offset 0, -0.7 font ',11'
set label 90 'Loại hình' at 1.5, graph 0 center offset 0, -4.2 font ',13'
set label 91 'Phân loại' at 4.5, graph 0 center offset 0, -4.2 font ',13'
set label 92 'Tỉnh cũ' at 7, graph 0 center offset 0, -4.2 font ',13'
plot $groups using 1:($6 >= 0 ? $6 : 1/0):xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' notitle, \
     '' using 1:($6 < 0 ? $6 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' notitle
unset multiplot
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_units.svg'
$units << EOD
# rank change name
1 -0.2 "A"
2 0.08 "C"
3 0.12 "B"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Thay đổi phân bổ của từng đơn vị' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set xrange [0:4]
set boxwidth 0.8 absolute
set xzeroaxis lt -1 lw 1.5
set key top center horizontal
set yrange [-0.248:0.168]
set ytics ('-0,2' -0.2, '-0,1' -0.1, '0' 0, '0,1' 0.1)
set xlabel 'Đơn vị cấp xã, xếp theo mức thay đổi (3)'
set ylabel 'tỷ đồng'
set xtics rotate by -40 left scale 0 font ',11'
set bmargin 10
set label 1 '-0,200' at 1, -0.2 center offset 0, -0.7 font ',11'
set label 2 '+0,080' at 2, 0.08 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 3, 0.12 center offset 0, 0.7 font ',11'
plot $units using 1:($2 >= 0 ? $2 : 1/0):xtic(3) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng', \
     '' using 1:($2 < 0 ? $2 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare_scatter.svg'
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
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Tỷ lệ đáp ứng nhu cầu chi: trước và sau' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set size ratio -1
set lmargin at screen 0.2
set xrange [0.41:2.09]
set xtics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set yrange [0.41:2.09]
set ytics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set grid xtics ytics lc 'gray70' dt 3
set key at graph 1.05, graph 1 top left Left reverse spacing 1.4
set xlabel 'Trước (phương án cơ sở)'
set ylabel 'Sau (phương án cải cách)'
plot x with lines dt 2 lw 2 lc 'gray40' title 'Đường y = x: không thay đổi', \
     $up using 1:2 with points pt 9 ps 1.6 lc 'black' title 'Được tăng phân bổ (2)', \
     $down using 1:2 with points pt 11 ps 1.6 lc 'gray40' title 'Bị giảm phân bổ (1)'
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'hold').'/compare-pack.pdf'
reset
set encoding utf8
unset border
unset tics
unset key
set xrange [0:1]
set yrange [0:1]
set label 1 'So sánh hai phương án phân bổ ngân sách' at screen 0.5, screen 0.88 center font ',22'
set label 2 'Phương án cơ sở: water filling' at screen 0.08, screen 0.76 left font ',14'
set label 3 'Phương án cải cách: water filling, half hold-harmless' at screen 0.08, screen 0.71 left font ',14'
set label 4 'Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.08, screen 0.66 left font ',12'
set label 5 '3 đơn vị: 2 được tăng, 1 bị giảm, 0 không đổi' at screen 0.08, screen 0.60 left font ',12'
set label 10 'Chỉ tiêu' at screen 0.080, screen 0.500 left font ',13'
set label 11 'Trước' at screen 0.620, screen 0.500 right font ',13'
set label 12 'Sau' at screen 0.770, screen 0.500 right font ',13'
set label 13 'Thay đổi' at screen 0.930, screen 0.500 right font ',13'
set arrow 1 from screen 0.08, screen 0.475 to screen 0.93, screen 0.475 nohead lw 1
set label 20 'Tổng phân bổ cho cấp xã (tỷ đồng)' at screen 0.080, screen 0.440 left font ',12'
set label 21 '0,900' at screen 0.620, screen 0.440 right font ',12'
set label 22 '0,900' at screen 0.770, screen 0.440 right font ',12'
set label 23 '0' at screen 0.930, screen 0.440 right font ',12'
set label 24 'Bổ sung từ ngân sách thành phố (tỷ đồng)' at screen 0.080, screen 0.380 left font ',12'
set label 25 '0,750' at screen 0.620, screen 0.380 right font ',12'
set label 26 '0,750' at screen 0.770, screen 0.380 right font ',12'
set label 27 '0' at screen 0.930, screen 0.380 right font ',12'
set label 28 'Nguồn thu cấp xã được hưởng (tỷ đồng)' at screen 0.080, screen 0.320 left font ',12'
set label 29 '0,150' at screen 0.620, screen 0.320 right font ',12'
set label 30 '0,150' at screen 0.770, screen 0.320 right font ',12'
set label 31 '0' at screen 0.930, screen 0.320 right font ',12'
set label 32 'Tỷ lệ đáp ứng thấp nhất' at screen 0.080, screen 0.260 left font ',12'
set label 33 '50,0%' at screen 0.620, screen 0.260 right font ',12'
set label 34 '70,0%' at screen 0.770, screen 0.260 right font ',12'
set label 35 '+20,00 điểm %' at screen 0.930, screen 0.260 right font ',12'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless' at screen 0.01, screen 0.015 font ',9'
plot -1 notitle
$groups << EOD
# x label (two lines) winners losers change
1 "Xã" "" 1 1 -0.12
2 "Phường" "" 1 0 0.12
4 "loại I" "" 1 0 0.12
5 "loại II" "" 1 1 -0.12
7 "X" "" 2 1 0
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Đơn vị được tăng và bị giảm phân bổ theo nhóm' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set lmargin at screen 0.09
set rmargin at screen 0.97
set xrange [0.3:7.7]
set boxwidth 0.7
set xzeroaxis lt -1 lw 1.5
set grid noxtics
set xtics scale 0 font ',12'
set arrow 2 from 3, graph 0 to 3, graph 1 nohead dt 2 lc 'gray50'
set arrow 3 from 6, graph 0 to 6, graph 1 nohead dt 2 lc 'gray50'
set tmargin at screen 0.83
set bmargin at screen 0.56
set yrange [-1.5:2.8]
set ytics ('1' -1, '0' 0, '1' 1, '2' 2)
set ylabel 'Số đơn vị'
set label 103 'Số đơn vị được tăng (cột lên) và bị giảm (cột xuống)' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set key at screen 0.97, screen 0.885 right horizontal samplen 2 width 1
set label 1 '1' at 1, 1 center offset 0, 0.7 font ',11'
set label 2 '1' at 1, -1 center offset 0, -0.7 font ',11'
set label 3 '1' at 2, 1 center offset 0, 0.7 font ',11'
set label 4 '1' at 4, 1 center offset 0, 0.7 font ',11'
set label 5 '1' at 5, 1 center offset 0, 0.7 font ',11'
set label 6 '1' at 5, -1 center offset 0, -0.7 font ',11'
set label 7 '2' at 7, 2 center offset 0, 0.7 font ',11'
set label 8 '1' at 7, -1 center offset 0, -0.7 font ',11'
plot $groups using 1:4:xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng phân bổ', \
     '' using 1:(-$5) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm phân bổ'
unset label
unset key
set tmargin at screen 0.45
set bmargin at screen 0.17
set yrange [-0.168:0.168]
set ytics ('-0,1' -0.1, '0' 0, '0,1' 0.1)
set ylabel 'tỷ đồng'
set label 103 'Thay đổi tổng phân bổ của nhóm' at graph 0, graph 1 left offset 0, 1.2 font ',13'
set label 1 '-0,120' at 1, -0.12 center offset 0, -0.7 font ',11'
set label 2 '+0,120' at 2, 0.12 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 4, 0.12 center offset 0, 0.7 font ',11'
set label 4 '-0,120' at 5, -0.12 center offset 0, -0.7 font ',11'
set label 90 'Loại hình' at 1.5, graph 0 center offset 0, -4.2 font ',13'
set label 91 'Phân loại' at 4.5, graph 0 center offset 0, -4.2 font ',13'
set label 92 'Tỉnh cũ' at 7, graph 0 center offset 0, -4.2 font ',13'
plot $groups using 1:($6 >= 0 ? $6 : 1/0):xtic(strcol(2) . (strlen(strcol(3)) ? "\n" . strcol(3) : "")) with boxes fs solid 1.0 border lc 'black' fc 'gray40' notitle, \
     '' using 1:($6 < 0 ? $6 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' notitle
unset multiplot
$units << EOD
# rank change name
1 -0.2 "A"
2 0.08 "C"
3 0.12 "B"
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Thay đổi phân bổ của từng đơn vị' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set xrange [0:4]
set boxwidth 0.8 absolute
set xzeroaxis lt -1 lw 1.5
set key top center horizontal
set yrange [-0.248:0.168]
set ytics ('-0,2' -0.2, '-0,1' -0.1, '0' 0, '0,1' 0.1)
set xlabel 'Đơn vị cấp xã, xếp theo mức thay đổi (3)'
set ylabel 'tỷ đồng'
set xtics rotate by -40 left scale 0 font ',11'
set bmargin 10
set label 1 '-0,200' at 1, -0.2 center offset 0, -0.7 font ',11'
set label 2 '+0,080' at 2, 0.08 center offset 0, 0.7 font ',11'
set label 3 '+0,120' at 3, 0.12 center offset 0, 0.7 font ',11'
plot $units using 1:($2 >= 0 ? $2 : 1/0):xtic(3) with boxes fs solid 1.0 border lc 'black' fc 'gray40' title 'Được tăng', \
     '' using 1:($2 < 0 ? $2 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' title 'Bị giảm'
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
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set tmargin at screen 0.86
set bmargin 6
set label 102 'Tỷ lệ đáp ứng nhu cầu chi: trước và sau' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Phương án cơ sở: water filling   →   Phương án cải cách: water filling, half hold-harmless' at screen 0.5, screen 0.925 center font ',11'
set label 100 'fiscalsim · so sánh · water filling → water filling, half hold-harmless · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set size ratio -1
set lmargin at screen 0.2
set xrange [0.41:2.09]
set xtics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set yrange [0.41:2.09]
set ytics ('0,5' 0.5, '1,0' 1, '1,5' 1.5, '2,0' 2)
set grid xtics ytics lc 'gray70' dt 3
set key at graph 1.05, graph 1 top left Left reverse spacing 1.4
set xlabel 'Trước (phương án cơ sở)'
set ylabel 'Sau (phương án cải cách)'
plot x with lines dt 2 lw 2 lc 'gray40' title 'Đường y = x: không thay đổi', \
     $up using 1:2 with points pt 9 ps 1.6 lc 'black' title 'Được tăng phân bổ (2)', \
     $down using 1:2 with points pt 11 ps 1.6 lc 'gray40' title 'Bị giảm phân bổ (1)'
unset output
