# Drawn by fiscalsim sweep from its tables; rerun with: gnuplot sweep-charts.gp
# fiscalsim sets `outdir` to draw into its staging folder; rerun by hand, the charts go to the
# folder each `set output` names.
set encoding utf8
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_tornado.png'
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Độ nhạy của các kết quả theo từng tham số' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set label 110 'Hồi quy tuyến tính trên 46 biến thể giải được.' at screen 0.6820, screen 0.3450 left font ',11'
set label 111 'SRC: kết quả thay đổi bao nhiêu độ lệch chuẩn khi tham số' . "\n" . 'tăng một độ lệch chuẩn; R²: phần biến động mà hồi quy giải' . "\n" . 'thích được.' at screen 0.6820, screen 0.2950 left font ',11'
$tornado_min_coverage << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.998619 NaN NaN NaN "1,00" "0,00" NaN
1 0.006604 NaN NaN NaN "0,01" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' at screen 0.0120, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,996' font ',11' offset 0, 0.3
set key at screen 0.6770, screen 0.4350 top left Left reverse samplen 2.5 spacing 1.3 width 2 font ',12'
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_min_coverage using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_units_under_need << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0 NaN NaN NaN "0,00" "0,00" NaN
1 0 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Số đơn vị được phân bổ dưới nhu cầu chi' at screen 0.3420, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
unset ytics
set xrange [-1:1]
unset xtics
unset xlabel
set label 104 'Không đổi giữa các biến thể' . "\n" . '2 đơn vị' at screen 0.4945, screen 0.6875 center font ',12'
plot -1e30 notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_gini << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.970847 NaN NaN NaN "-0,97" "0,00" NaN
1 -0.050898 NaN NaN NaN "-0,05" "0,00" NaN
EOD
set lmargin at screen 0.8289
set rmargin at screen 0.9770
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Hệ số Gini của phân bổ bình quân đầu người' at screen 0.6720, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,937' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_gini using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_transfers << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.999996 NaN NaN NaN "1,00" "0,00" NaN
1 -3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Tổng bổ sung cân đối cho cấp xã' at screen 0.0120, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_transfers using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_city_balance << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.999996 NaN NaN NaN "-1,00" "0,00" NaN
1 3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Cân đối ngân sách thành phố' at screen 0.3420, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_city_balance using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
unset multiplot
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_scatter.png'
$scatter << EOD
# variant coverage_percent infeasible p1 p2
1 44.5 0 0.845551246 0.156503
2 NaN 1 0.455105294 0.389845
3 66.75 0 1.067935565 0.718105
4 73.75 0 1.13824685 0.476014
5 43 0 0.831229549 0.485391
6 37.25 0 0.772635084 0.443295
7 11.5 0 0.545634626 0.694299
8 41.75 0 0.817746292 0.919893
9 39.25 0 0.793169602 0.797442
10 27 0 0.670850195 0.558118
11 31.1667 0 0.711623683 0.373894
12 22 0 0.619545913 0.57917
13 NaN 1 0.495892722 0.201246
14 NaN 1 0.323402141 0.913148
15 61.1667 0 1.011858102 0.9459
16 76 0 1.159982381 0.019958
17 NaN 1 0.346166608 0.619034
18 34.25 0 0.742754899 0.993672
19 48.75 0 0.888260553 0.538712
20 NaN 1 0.410963819 0.236376
21 9.25 0 0.536704138 0.503243
22 54.1667 0 0.942024162 0.405277
23 NaN 1 0.379870449 0.527451
24 NaN 1 0.469830651 0.084555
25 74.25 0 1.143301854 0.893471
26 51 0 0.910766211 0.752962
27 30.25 0 0.703304181 0.661758
28 45.5 0 0.855102504 0.811385
29 78.3333 0 1.183702667 0.359401
30 NaN 1 0.440939761 0.275804
31 NaN 1 0.482925252 0.289515
32 25.8333 0 0.659458889 0.850006
33 53 0 0.929513742 0.982035
34 NaN 1 0.335788552 0.304071
35 58.5 0 0.986009316 0.458603
36 NaN 1 0.420448237 0.227992
37 60.3333 0 1.004095238 0.069177
38 28.75 0 0.688018564 0.135866
39 56.5 0 0.965753839 0.010729
40 55.75 0 0.958334277 0.871611
41 15.25 0 0.561284176 0.704016
42 63 0 1.02986316 0.644576
43 2.75 0 0.511134914 0.344955
44 18.25 0 0.582818485 0.428592
45 79 0 1.189700798 0.043923
46 70.3333 0 1.103694242 0.104974
47 68 0 1.081137099 0.199199
48 NaN 1 0.365011438 0.775557
49 72 0 1.12062232 0.965206
50 NaN 1 0.314769983 0.326565
51 NaN 1 0.393616241 0.176828
52 23.6667 0 0.636717023 0.739499
53 32.5 0 0.726477472 0.116964
54 36 0 0.760025621 0.254584
55 20.1667 0 0.602487044 0.682116
56 47.5 0 0.875601519 0.832949
57 65.5 0 1.056254299 0.59012
58 63.75 0 1.038351596 0.614253
59 18.8333 0 0.588937572 0.057471
60 39.8333 0 0.799065319 0.839084
EOD
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất theo các tham số ảnh hưởng nhiều nhất' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set yrange [-11.7375:82.8125]
set arrow 1 from graph 0, first -1.44375 to graph 1, first -1.44375 nohead dt 2 lc 'gray40'
set grid xtics ytics lc 'gray70' dt 3
set xtics nomirror font ',11'
set key at screen 0.97, screen 0.885 right horizontal samplen 1 width 2 font ',12'
set label 105 'Tỷ lệ đáp ứng thấp nhất' at screen 0.018, screen 0.51 center rotate by 90 font ',12'
set label 106 'SRC chỉ tính trên các biến thể giải được: một xu hướng do các biến thể không khả thi tạo ra (ở dải dưới) không có trong SRC.' at screen 0.5, screen 0.05 center font ',11'
set lmargin at screen 0.1000
set rmargin at screen 0.5100
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format '%g%%'
set ytics add ('không khả thi' -6.4)
set xrange [0.2710234423:1.233447339]
set xtics ('0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1, '1,2' 1.2)
set xlabel 'Tổng mức phân bổ cho cấp xã' . "\n" . '(policy.envelope), tỷ đồng' font ',12'
set label 103 'policy.envelope · SRC = 1,00' at screen 0.1000, screen 0.835 left font ',13'
plot $scatter using 4:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 4:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
set lmargin at screen 0.5350
set rmargin at screen 0.9450
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format ''
set xrange [-0.03841815:1.04281915]
set xtics ('0' 0, '0,5' 0.5, '1,0' 1)
set xlabel 'Mức ưu tiên kinh phí nhiệm vụ được giao' . "\n" . '(policy.priority)' font ',12'
set label 103 'policy.priority · SRC = 0,01' at screen 0.5350, screen 0.835 left font ',13'
unset key
plot $scatter using 5:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 5:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
unset multiplot
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_tornado.svg'
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Độ nhạy của các kết quả theo từng tham số' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set label 110 'Hồi quy tuyến tính trên 46 biến thể giải được.' at screen 0.6820, screen 0.3450 left font ',11'
set label 111 'SRC: kết quả thay đổi bao nhiêu độ lệch chuẩn khi tham số' . "\n" . 'tăng một độ lệch chuẩn; R²: phần biến động mà hồi quy giải' . "\n" . 'thích được.' at screen 0.6820, screen 0.2950 left font ',11'
$tornado_min_coverage << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.998619 NaN NaN NaN "1,00" "0,00" NaN
1 0.006604 NaN NaN NaN "0,01" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' at screen 0.0120, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,996' font ',11' offset 0, 0.3
set key at screen 0.6770, screen 0.4350 top left Left reverse samplen 2.5 spacing 1.3 width 2 font ',12'
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_min_coverage using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_units_under_need << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0 NaN NaN NaN "0,00" "0,00" NaN
1 0 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Số đơn vị được phân bổ dưới nhu cầu chi' at screen 0.3420, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
unset ytics
set xrange [-1:1]
unset xtics
unset xlabel
set label 104 'Không đổi giữa các biến thể' . "\n" . '2 đơn vị' at screen 0.4945, screen 0.6875 center font ',12'
plot -1e30 notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_gini << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.970847 NaN NaN NaN "-0,97" "0,00" NaN
1 -0.050898 NaN NaN NaN "-0,05" "0,00" NaN
EOD
set lmargin at screen 0.8289
set rmargin at screen 0.9770
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Hệ số Gini của phân bổ bình quân đầu người' at screen 0.6720, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,937' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_gini using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_transfers << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.999996 NaN NaN NaN "1,00" "0,00" NaN
1 -3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Tổng bổ sung cân đối cho cấp xã' at screen 0.0120, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_transfers using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_city_balance << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.999996 NaN NaN NaN "-1,00" "0,00" NaN
1 3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Cân đối ngân sách thành phố' at screen 0.3420, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_city_balance using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
unset multiplot
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_scatter.svg'
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất theo các tham số ảnh hưởng nhiều nhất' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set yrange [-11.7375:82.8125]
set arrow 1 from graph 0, first -1.44375 to graph 1, first -1.44375 nohead dt 2 lc 'gray40'
set grid xtics ytics lc 'gray70' dt 3
set xtics nomirror font ',11'
set key at screen 0.97, screen 0.885 right horizontal samplen 1 width 2 font ',12'
set label 105 'Tỷ lệ đáp ứng thấp nhất' at screen 0.018, screen 0.51 center rotate by 90 font ',12'
set label 106 'SRC chỉ tính trên các biến thể giải được: một xu hướng do các biến thể không khả thi tạo ra (ở dải dưới) không có trong SRC.' at screen 0.5, screen 0.05 center font ',11'
set lmargin at screen 0.1000
set rmargin at screen 0.5100
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format '%g%%'
set ytics add ('không khả thi' -6.4)
set xrange [0.2710234423:1.233447339]
set xtics ('0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1, '1,2' 1.2)
set xlabel 'Tổng mức phân bổ cho cấp xã' . "\n" . '(policy.envelope), tỷ đồng' font ',12'
set label 103 'policy.envelope · SRC = 1,00' at screen 0.1000, screen 0.835 left font ',13'
plot $scatter using 4:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 4:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
set lmargin at screen 0.5350
set rmargin at screen 0.9450
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format ''
set xrange [-0.03841815:1.04281915]
set xtics ('0' 0, '0,5' 0.5, '1,0' 1)
set xlabel 'Mức ưu tiên kinh phí nhiệm vụ được giao' . "\n" . '(policy.priority)' font ',12'
set label 103 'policy.priority · SRC = 0,01' at screen 0.5350, screen 0.835 left font ',13'
unset key
plot $scatter using 5:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 5:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
unset multiplot
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep-pack.pdf'
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Độ nhạy của các kết quả theo từng tham số' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set label 110 'Hồi quy tuyến tính trên 46 biến thể giải được.' at screen 0.6820, screen 0.3450 left font ',11'
set label 111 'SRC: kết quả thay đổi bao nhiêu độ lệch chuẩn khi tham số' . "\n" . 'tăng một độ lệch chuẩn; R²: phần biến động mà hồi quy giải' . "\n" . 'thích được.' at screen 0.6820, screen 0.2950 left font ',11'
$tornado_min_coverage << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.998619 NaN NaN NaN "1,00" "0,00" NaN
1 0.006604 NaN NaN NaN "0,01" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất' at screen 0.0120, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,996' font ',11' offset 0, 0.3
set key at screen 0.6770, screen 0.4350 top left Left reverse samplen 2.5 spacing 1.3 width 2 font ',12'
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_min_coverage using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_units_under_need << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0 NaN NaN NaN "0,00" "0,00" NaN
1 0 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Số đơn vị được phân bổ dưới nhu cầu chi' at screen 0.3420, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
unset ytics
set xrange [-1:1]
unset xtics
unset xlabel
set label 104 'Không đổi giữa các biến thể' . "\n" . '2 đơn vị' at screen 0.4945, screen 0.6875 center font ',12'
plot -1e30 notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_gini << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.970847 NaN NaN NaN "-0,97" "0,00" NaN
1 -0.050898 NaN NaN NaN "-0,05" "0,00" NaN
EOD
set lmargin at screen 0.8289
set rmargin at screen 0.9770
set tmargin at screen 0.8300
set bmargin at screen 0.5450
set label 103 'Hệ số Gini của phân bổ bình quân đầu người' at screen 0.6720, screen 0.8580 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 0,937' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_gini using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_transfers << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 0.999996 NaN NaN NaN "1,00" "0,00" NaN
1 -3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.1689
set rmargin at screen 0.3170
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Tổng bổ sung cân đối cho cấp xã' at screen 0.0120, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.469246032:1.469246032]
set xtics ('-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_transfers using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
$tornado_city_balance << EOD
# row src st st_lo st_hi src_text st_text st_text_at
2 -0.999996 NaN NaN NaN "-1,00" "0,00" NaN
1 3.8e-05 NaN NaN NaN "0,00" "0,00" NaN
EOD
set lmargin at screen 0.4989
set rmargin at screen 0.6470
set tmargin at screen 0.4150
set bmargin at screen 0.1300
set label 103 'Cân đối ngân sách thành phố' at screen 0.3420, screen 0.4430 left font ',13'
unset grid
set grid xtics lc 'gray70' dt 3
set ytics nomirror scale 0 font ',11'
set xtics nomirror font ',11'
set yrange [-0.0500:3.0500]
set xlabel 'SRC · R² = 1,000' font ',11' offset 0, 0.3
unset key
set ytics ('Tổng mức phân bổ cho cấp xã' 2, 'Mức ưu tiên kinh phí nhiệm vụ…' 1)
set xrange [-1.606290672:1.606290672]
set xtics ('-1,5' -1.5, '-1,0' -1, '-0,5' -0.5, '0' 0, '0,5' 0.5, '1,0' 1, '1,5' 1.5)
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc 'black' front
plot $tornado_city_balance using 2:($1 + 0):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + -0.3):($1 + 0.3) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title 'Hệ số hồi quy chuẩn hóa (SRC)', \
     '' using ($2 > 0 ? $2 : NaN):($1 + 0):6 with labels left offset 0.5, 0 font ',10' notitle, \
     '' using ($2 < 0 ? $2 : NaN):($1 + 0):6 with labels right offset -0.5, 0 font ',10' notitle
unset label
unset arrow
set format x '% h'
set xtics autofreq
unset multiplot
reset
set encoding utf8
set border 3
set tics nomirror
set grid ytics lc 'gray70' dt 3
set decimalsign ','
set label 102 'Tỷ lệ đáp ứng nhu cầu chi thấp nhất theo các tham số ảnh hưởng nhiều nhất' at screen 0.5, screen 0.965 center font ',16'
set label 101 'Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi' at screen 0.5, screen 0.925 center font ',12'
set label 100 'fiscalsim · quét độ nhạy · water filling · Đơn vị tiền: tỷ đồng (các bảng: triệu đồng)' at screen 0.01, screen 0.015 font ',9'
set multiplot
set yrange [-11.7375:82.8125]
set arrow 1 from graph 0, first -1.44375 to graph 1, first -1.44375 nohead dt 2 lc 'gray40'
set grid xtics ytics lc 'gray70' dt 3
set xtics nomirror font ',11'
set key at screen 0.97, screen 0.885 right horizontal samplen 1 width 2 font ',12'
set label 105 'Tỷ lệ đáp ứng thấp nhất' at screen 0.018, screen 0.51 center rotate by 90 font ',12'
set label 106 'SRC chỉ tính trên các biến thể giải được: một xu hướng do các biến thể không khả thi tạo ra (ở dải dưới) không có trong SRC.' at screen 0.5, screen 0.05 center font ',11'
set lmargin at screen 0.1000
set rmargin at screen 0.5100
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format '%g%%'
set ytics add ('không khả thi' -6.4)
set xrange [0.2710234423:1.233447339]
set xtics ('0,4' 0.4, '0,6' 0.6, '0,8' 0.8, '1,0' 1, '1,2' 1.2)
set xlabel 'Tổng mức phân bổ cho cấp xã' . "\n" . '(policy.envelope), tỷ đồng' font ',12'
set label 103 'policy.envelope · SRC = 1,00' at screen 0.1000, screen 0.835 left font ',13'
plot $scatter using 4:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 4:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
set lmargin at screen 0.5350
set rmargin at screen 0.9450
set tmargin at screen 0.82
set bmargin at screen 0.2
set ytics -0, 20, 82.8125 nomirror font ',11' format ''
set xrange [-0.03841815:1.04281915]
set xtics ('0' 0, '0,5' 0.5, '1,0' 1)
set xlabel 'Mức ưu tiên kinh phí nhiệm vụ được giao' . "\n" . '(policy.priority)' font ',12'
set label 103 'policy.priority · SRC = 0,01' at screen 0.5350, screen 0.835 left font ',13'
unset key
plot $scatter using 5:2 with points pt 6 ps 1.2 lc 'black' title 'Biến thể giải được (46)', \
     $scatter using 5:($3 > 0 ? -6.4 + 0.83875 * (int($1) % 7 - 3) : NaN) with points pt 2 ps 1.1 lw 1.5 lc 'gray20' title 'Biến thể không khả thi (14)'
unset label 103
unset multiplot
unset output
