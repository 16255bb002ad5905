<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../ui/reports/charts.py" line="+40"/>
        <source>Average wait by hour (minutes)</source>
        <translation>Thời gian chờ trung bình theo giờ (phút)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On-time rate by month (%)</source>
        <translation>Tỷ lệ đúng hạn theo tháng (%)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Satisfaction</source>
        <translation>Mức độ hài lòng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fees by counter (thousand dong)</source>
        <translation>Phí, lệ phí theo quầy (nghìn đồng)</translation>
    </message>
</context>
<context>
    <name>ReportTexts</name>
    <message>
        <location filename="../../ui/reports/texts.py" line="+8"/>
        <source>Dossiers synced to the province</source>
        <translation>Hồ sơ đồng bộ lên hệ thống tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided early or on time</source>
        <translation>Giải quyết trước hạn và đúng hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided early</source>
        <translation>Giải quyết trước hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided late</source>
        <translation>Giải quyết quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average processing time (days)</source>
        <translation>Thời gian giải quyết trung bình (ngày)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digitized dossiers</source>
        <translation>Hồ sơ được số hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers received online</source>
        <translation>Hồ sơ tiếp nhận trực tuyến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied citizens</source>
        <translation>Người dân hài lòng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publicity and transparency</source>
        <translation>Công khai, minh bạch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress and results</source>
        <translation>Tiến độ, kết quả giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digitization</source>
        <translation>Số hóa hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online services</source>
        <translation>Cung cấp dịch vụ trực tuyến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>Mức độ hài lòng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Very dissatisfied</source>
        <translation>Rất không hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Tùy chọn</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../ui/reports/window.py" line="+78"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export XLSX…</source>
        <translation>Xuất XLSX…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Indicators (Decision 766)</source>
        <translation>Chỉ số (Quyết định 766)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Officers</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedures</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue services</source>
        <translation>Dịch vụ (quầy)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Counting…</source>
        <translation>Đang tổng hợp…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shown.</source>
        <translation>Đã hiển thị.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+18"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Returned</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement requests</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apologies</source>
        <translation>Xin lỗi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction (%)</source>
        <translation>Hài lòng (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complaints</source>
        <translation>Phản ánh, kiến nghị</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Group</source>
        <translation>Nhóm chỉ số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This period</source>
        <translation>Kỳ này</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Formula</source>
        <translation>Công thức</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Officer</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decided</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time (%)</source>
        <translation>Đúng hạn (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average days</source>
        <translation>Số ngày TB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service</source>
        <translation>Dịch vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tickets</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Served</source>
        <translation>Đã phục vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No-shows</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average wait (min)</source>
        <translation>Chờ TB (phút)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average service (min)</source>
        <translation>Phục vụ TB (phút)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
</TS>
