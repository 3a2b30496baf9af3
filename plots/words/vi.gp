# plots/words/vi.gp: the words of the charts in Vietnamese. Loaded by the driver
# (charts.gp) when the run's language is vi; plots/words/en.gp has the same names.
w_fingerprint = 'mã dữ liệu'
w_estimates = 'số liệu từng đơn vị là ước tính'
w_billion = 'tỷ đồng'
w_million_per_person = 'triệu đồng/người'
# coverage.gp
w_coverage_title = 'Tỷ lệ đáp ứng nhu cầu chi theo đơn vị'
w_coverage_x = 'Đơn vị cấp xã (xếp theo tỷ lệ đáp ứng)'
w_coverage_y = 'Phân bổ / nhu cầu'
w_coverage_bar = 'Tỷ lệ đáp ứng'
w_need_line = 'Nhu cầu (100%)'
w_lowest_line = 'Mức thấp nhất'
# per_capita.gp
w_per_capita_title = 'Phân bổ bình quân đầu người theo loại hình và phân loại'
w_per_capita_bar = 'Phân bổ bình quân đầu người'
w_kind_commune = 'Xã'
w_kind_ward = 'Phường'
w_kind_special_zone = 'Đặc khu'
w_class_I = 'loại I'
w_class_II = 'loại II'
w_class_III = 'loại III'
w_class_special = 'đặc biệt'
# revenue_split.gp
w_split_title = 'Phân chia từng nguồn thu giữa trung ương, thành phố và cấp xã'
w_central = 'Trung ương'
w_city = 'Thành phố'
w_commune = 'Cấp xã'
# lorenz.gp
w_lorenz_title = 'Đường Lorenz của phân bổ bình quân đầu người'
w_lorenz_x = 'Tỷ lệ dân số cộng dồn'
w_lorenz_y = 'Tỷ lệ phân bổ cộng dồn'
w_lorenz_curve = 'Đường Lorenz'
w_equality = 'Bình đẳng tuyệt đối'
