# Drawn by fiscalsim from communes.txt; rerun with: gnuplot communes.gp
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
set terminal pdfcairo size 21cm,29.7cm font 'DejaVu Sans,10' noenhanced
set output (exists("outdir") ? outdir : 'comm').'/communes.pdf'
$page << EOD
"A (xã, loại II, vùng X)"
"dân số 1.000, diện tích 10,00 km²"
" "
"Nhu cầu chi"
"  per capita                                          200 triệu đồng"
"  nhiệm vụ mới giao (bố trí riêng)                      0 triệu đồng"
"  tổng nhu cầu                                        200 triệu đồng"
" "
"Nguồn thu trên địa bàn"
"        số thu  tỷ lệ xã   phần xã hưởng  nguồn thu"
"            50   100,00%              50  fees"
"  thu ngân sách xã được hưởng                          50 triệu đồng"
"  bổ sung cân đối                                     350 triệu đồng"
"  tổng phân bổ                                        400 triệu đồng"
"  năm trước                                           400 triệu đồng"
"  thay đổi                                              0 triệu đồng"
"  mức bảo đảm nhu cầu                             200,00%"
"  thấp nhất trong các đơn vị                       50,00% (B)"
"  xếp hạng mức bảo đảm                              1 / 2 xã"
"  bình quân đầu người                              0,4000 triệu đồng/người"
" "
"Các giới hạn đang quyết định phân bổ của đơn vị"
"  - được bảo đảm tối thiểu 100% dự toán năm trước (400): 400 triệu đồng"
EOD
page_lines = 23
load plots.'/commune.gp'
$page << EOD
"B (phường, loại I, vùng X)"
"dân số 3.000, diện tích 5,00 km²"
" "
"Nhu cầu chi"
"  per capita                                          600 triệu đồng"
"  nhiệm vụ mới giao (bố trí riêng)                      0 triệu đồng"
"  tổng nhu cầu                                        600 triệu đồng"
" "
"Nguồn thu trên địa bàn"
"        số thu  tỷ lệ xã   phần xã hưởng  nguồn thu"
"           100   100,00%             100  fees"
"  thu ngân sách xã được hưởng                         100 triệu đồng"
"  bổ sung cân đối                                     200 triệu đồng"
"  tổng phân bổ                                        300 triệu đồng"
"  mức bảo đảm nhu cầu                              50,00%"
"  thấp nhất trong các đơn vị                       50,00% (đơn vị này)"
"  xếp hạng mức bảo đảm                              1 / 1 phường"
"  bình quân đầu người                              0,1000 triệu đồng/người"
" "
"Các giới hạn đang quyết định phân bổ của đơn vị"
"  - được giữ ở mức bảo đảm chung: 50,000% nhu cầu"
EOD
page_lines = 21
load plots.'/commune.gp'
$page << EOD
"C (xã, loại II, vùng X)"
"dân số 2.000, diện tích 20,00 km²"
" "
"Nhu cầu chi"
"  per capita                                          400 triệu đồng"
"  nhiệm vụ mới giao (bố trí riêng)                      0 triệu đồng"
"  tổng nhu cầu                                        400 triệu đồng"
" "
"Nguồn thu trên địa bàn"
"        số thu  tỷ lệ xã   phần xã hưởng  nguồn thu"
"             0   100,00%               0  fees"
"  thu ngân sách xã được hưởng                           0 triệu đồng"
"  bổ sung cân đối                                     200 triệu đồng"
"  tổng phân bổ                                        200 triệu đồng"
"  mức bảo đảm nhu cầu                              50,00%"
"  thấp nhất trong các đơn vị                       50,00% (B)"
"  xếp hạng mức bảo đảm                              2 / 2 xã"
"  bình quân đầu người                              0,1000 triệu đồng/người"
" "
"Các giới hạn đang quyết định phân bổ của đơn vị"
"  - được giữ ở mức bảo đảm chung: 50,000% nhu cầu"
EOD
page_lines = 21
load plots.'/commune.gp'
unset output
