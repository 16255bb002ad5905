<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/counter/action_dialog.py" line="+68"/>
        <source>%1 — dossier %2</source>
        <translation>%1 — hồ sơ %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reason *</source>
        <translation>Lý do *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Department</source>
        <translation>Phòng chuyên môn</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Another paper not in the checklist (optional)</source>
        <translation>Giấy tờ khác ngoài danh mục (nếu có)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing documents *</source>
        <translation>Giấy tờ còn thiếu *</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Appointment *</source>
        <translation>Ngày hẹn trả *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New appointment *</source>
        <translation>Ngày hẹn trả mới *</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Handed over</source>
        <translation>Hình thức trả</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>9 or 12 digits</source>
        <translation>9 hoặc 12 chữ số</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filled in from the dossier: change it if someone else collects</source>
        <translation>Lấy từ hồ sơ: sửa lại nếu người khác đến nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collector&apos;s ID number *</source>
        <translation>Số giấy tờ người nhận *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collector&apos;s name</source>
        <translation>Họ tên người nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal tracking number *</source>
        <translation>Số hiệu bưu gửi *</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number of sets</source>
        <translation>Số bộ hồ sơ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photocopies</source>
        <translation>Bản photo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Documents received</source>
        <translation>Giấy tờ đã nhận</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Please enter the reason.</source>
        <translation>Vui lòng nhập lý do.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick every missing document (or type the other paper).</source>
        <translation>Đánh dấu đủ các giấy tờ còn thiếu (hoặc nhập giấy tờ khác).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the ID number (9 or 12 digits) of the person collecting the result.</source>
        <translation>Nhập số giấy tờ (9 hoặc 12 chữ số) của người nhận kết quả.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the postal tracking number.</source>
        <translation>Nhập số hiệu bưu gửi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the applicant&apos;s full name.</source>
        <translation>Nhập họ tên chủ hồ sơ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid date of birth (dd/mm/yyyy).</source>
        <translation>Ngày sinh không hợp lệ (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed.</source>
        <translation>Chưa có thông tin nào thay đổi.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/common.py" line="+186"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../ui/counter/board.py" line="+36"/>
        <location line="+80"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>Apology needed</source>
        <translation>Cần xin lỗi</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>Late hand-over</source>
        <translation>Chậm bàn giao</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>Late supplement request</source>
        <translation>Bổ sung muộn</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Overdue complaints</source>
        <translation>Phản ánh quá hạn</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Show the dossiers: %1</source>
        <translation>Xem các hồ sơ: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the board</source>
        <translation>Làm mới bảng theo dõi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Department</source>
        <translation>Phòng chuyên môn</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+4"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>By department</source>
        <translation>Theo phòng chuyên môn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By officer</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The deadline board could not be refreshed: %1</source>
        <translation>Không làm mới được bảng theo dõi hạn: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Updated %1 · &quot;due soon&quot; = within %2 working days</source>
        <translation>Cập nhật lúc %1 · &quot;sắp đến hạn&quot; = trong %2 ngày làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no department)</source>
        <translation>(chưa có phòng)</translation>
    </message>
</context>
<context>
    <name>CancelReceiptDialog</name>
    <message>
        <location filename="../../ui/counter/fees.py" line="+309"/>
        <source>Cancel a fee receipt</source>
        <translation>Hủy biên lai thu phí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Series and number, e.g. AA-26P 0000012</source>
        <translation>Ký hiệu và số, ví dụ AA-26P 0000012</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receipt:</source>
        <translation>Biên lai:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the receipt</source>
        <translation>Hủy biên lai</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/models.py" line="+207"/>
        <source>Handed in</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photocopies</source>
        <translation>Bản photo</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>[pick one] </source>
        <translation>[chọn 1] </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the items of this group is enough</source>
        <translation>Chỉ cần một giấy tờ trong nhóm này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog: %1 original(s), %2 certified cop(ies), %3 photocop(ies)</source>
        <translation>Theo danh mục: %1 bản chính, %2 bản sao chứng thực, %3 bản photo</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <location filename="../../ui/counter/complaints.py" line="+40"/>
        <location line="+15"/>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+10"/>
        <source>By phone</source>
        <translation>Qua điện thoại</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Hotline</source>
        <translation>Đường dây nóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiosk</source>
        <translation>Ki-ốt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>Đã trả lời</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+135"/>
        <location line="+138"/>
        <source>Citizen informed</source>
        <translation>Đã báo cho công dân</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>By text message</source>
        <translation>Qua tin nhắn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By email</source>
        <translation>Qua thư điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By letter</source>
        <translation>Bằng văn bản</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feedback</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>Kiến nghị</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Complaints and feedback register</source>
        <translation>Sổ tiếp nhận phản ánh, kiến nghị</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Hình thức tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Người phản ánh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+42"/>
        <source>The center</source>
        <translation>Trung tâm</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Deadline</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New entry</source>
        <translation>Thêm phản ánh</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Route</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Record the answer</source>
        <translation>Ghi nội dung trả lời</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose an entry to see its details.</source>
        <translation>Chọn một phản ánh để xem chi tiết.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 · received %3 by %4</source>
        <translation>%1 · %2 · hình thức tiếp nhận: %3 · người tiếp nhận: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender: %1</source>
        <translation>Người phản ánh: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by: %1</source>
        <translation>Đơn vị xử lý: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer (%1, %2): %3</source>
        <translation>Trả lời (%1, %2): %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Citizen informed %1 on %2</source>
        <translation>Đã báo cho công dân %1 lúc %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Entered %1</source>
        <translation>Đã vào sổ %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Choose an entry first.</source>
        <translation>Hãy chọn một phản ánh trước.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Who handles %1?</source>
        <translation>Đơn vị nào xử lý %1?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Routed %1</source>
        <translation>Đã chuyển xử lý %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The answer to %1:</source>
        <translation>Nội dung trả lời phản ánh %1:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answered %1</source>
        <translation>Đã trả lời %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How was the citizen told?</source>
        <translation>Đã báo cho công dân bằng cách nào?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed %1</source>
        <translation>Đã kết thúc %1</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter/window.py" line="+110"/>
        <source>One-stop counter %1</source>
        <extracomment>(form key of printing.FORMS: &quot;receipt&quot;, &quot;supplement&quot;, &quot;refusal&quot;, &quot;apology&quot;, &quot;stop&quot;; dossier code)</extracomment>
        <translation>Một cửa — Quầy %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline board</source>
        <translation>Bảng theo dõi hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online dossiers</source>
        <translation>Hồ sơ trực tuyến</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New dossier</source>
        <translation>Hồ sơ &amp;mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find dossier</source>
        <translation>&amp;Tìm hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a &amp;hand-over round...</source>
        <translation>Chạy đợt &amp;bàn giao...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ees</source>
        <translation>&amp;Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Take the fees of the dossier...</source>
        <translation>&amp;Thu phí, lệ phí của hồ sơ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel a fee receipt...</source>
        <translation>&amp;Hủy biên lai thu phí...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Exemptions and reductions...</source>
        <translation>&amp;Miễn, giảm phí, lệ phí...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaints and &amp;feedback register...</source>
        <translation>Sổ phản ánh, &amp;kiến nghị...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Intake</source>
        <translation>&amp;Tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&amp;ossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline &amp;board</source>
        <translation>&amp;Bảng theo dõi hạn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Devices...</source>
        <translation>&amp;Thiết bị...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Loading the catalog...</source>
        <translation>Đang tải danh mục thủ tục...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Database: %1</source>
        <translation>CSDL: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Officer: %1</source>
        <translation>Cán bộ: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n print job(s) waiting — click to print again</source>
        <translation>
            <numerusform>%n bản in đang chờ — bấm để in lại</numerusform>
        </translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Hand-over round</source>
        <translation>Đợt bàn giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand every received dossier over to its department now?</source>
        <translation>Bàn giao ngay tất cả hồ sơ đã tiếp nhận cho phòng chuyên môn?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Running the hand-over round...</source>
        <translation>Đang chạy đợt bàn giao...</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>New dossier</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The form holds unsaved data. Empty it for a new dossier?</source>
        <translation>Biểu mẫu còn dữ liệu chưa lưu. Xóa để tiếp nhận hồ sơ mới?</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Open or save a dossier first.</source>
        <translation>Hãy mở hoặc lưu một hồ sơ trước.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collected %1 for %2</source>
        <translation>Đã thu %1 của hồ sơ %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Receipt %1 cancelled; take the payment again to issue its replacement</source>
        <translation>Đã hủy biên lai %1; thu lại để lập biên lai thay thế</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Fees due for %1 set by the regulation — press F9 to type their amount and collect</source>
        <translation>Hồ sơ %1 có khoản phí, lệ phí thu theo quy định — nhấn F9 để nhập số tiền và thu</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Fees due for %1: %2 — press F9 to collect</source>
        <translation>Phí, lệ phí phải thu của hồ sơ %1: %2 — nhấn F9 để thu</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The intake form holds unsaved data. Quit anyway?</source>
        <translation>Biểu mẫu tiếp nhận còn dữ liệu chưa lưu. Vẫn thoát?</translation>
    </message>
    <message>
        <location line="-310"/>
        <source>Set-&amp;up...</source>
        <translation>&amp;Cài đặt...</translation>
    </message>
</context>
<context>
    <name>DossierListModel</name>
    <message>
        <location filename="../../ui/models.py" line="-168"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
</context>
<context>
    <name>DossierListPanel</name>
    <message>
        <location filename="../../ui/counter/dossiers.py" line="+49"/>
        <source>Dossier code, applicant name, ID number or phone — Enter to search</source>
        <translation>Mã hồ sơ, tên người nộp, số CCCD hoặc điện thoại — Enter để tìm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search dossiers</source>
        <translation>Tìm hồ sơ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any deadline</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the list again</source>
        <translation>Tải lại danh sách</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;span style=&apos;background:#f8d0d0&apos;&gt;&amp;nbsp;red&amp;nbsp;&lt;/span&gt; overdue · &lt;span style=&apos;background:#fde7b0&apos;&gt;&amp;nbsp;amber&amp;nbsp;&lt;/span&gt; due today or within one working day</source>
        <translation>&lt;span style=&apos;background:#f8d0d0&apos;&gt;&amp;nbsp;đỏ&amp;nbsp;&lt;/span&gt; quá hạn · &lt;span style=&apos;background:#fde7b0&apos;&gt;&amp;nbsp;vàng&amp;nbsp;&lt;/span&gt; đến hạn hôm nay hoặc trong 1 ngày làm việc</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n dossier(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n hồ sơ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Newest %n dossier(s)</source>
        <translation>
            <numerusform>%n hồ sơ mới nhất</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../ui/counter/dossier_view.py" line="+88"/>
        <source>← Back to the list</source>
        <translation>← Quay lại danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Back to the list</source>
        <translation>Quay lại danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Read the dossier again</source>
        <translation>Đọc lại hồ sơ</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Print / reprint…</source>
        <translation>In / in lại…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview and print a form of this dossier</source>
        <translation>Xem trước và in một mẫu của hồ sơ này</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print / reprint a form of the dossier</source>
        <translation>In / in lại biểu mẫu của hồ sơ</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Phòng chuyên môn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photocopies</source>
        <translation>Bản photo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fee</source>
        <translation>Khoản thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Documents</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dossier: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>ID</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>submitted by %1</source>
        <translation>người nộp hộ: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received %1 by %2</source>
        <translation>Tiếp nhận %1, cán bộ %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department: %1</source>
        <translation>Phòng chuyên môn: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First appointment %1</source>
        <translation>Hẹn trả lần đầu %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>As set by the province</source>
        <translation>Theo quy định của HĐND tỉnh</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Receipt and appointment (form 01)</source>
        <translation>Giấy tiếp nhận và hẹn trả (mẫu 01)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supplement request (form 02)</source>
        <translation>Phiếu yêu cầu bổ sung (mẫu 02)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusal (form 03)</source>
        <translation>Phiếu từ chối (mẫu 03)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apology and new appointment (form 04)</source>
        <translation>Văn bản xin lỗi và hẹn lại (mẫu 04)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop-processing notice (form 05)</source>
        <translation>Thông báo dừng giải quyết (mẫu 05)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Control sheet (form 06)</source>
        <translation>Phiếu kiểm soát (mẫu 06)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No appointment (clock stopped)</source>
        <translation>Chưa có hẹn trả (tạm dừng tính thời hạn)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appointment: %1</source>
        <translation>Hẹn trả: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OVERDUE</source>
        <translation>QUÁ HẠN</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to %1</source>
        <translation>chuyển đến %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing: </source>
        <translation>còn thiếu: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new appointment %1</source>
        <translation>hẹn trả mới %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>appointment %1</source>
        <translation>hẹn trả %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collected by %1 (ID %2)</source>
        <translation>người nhận %1 (số giấy tờ %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent by post, tracking %1</source>
        <translation>gửi bưu chính, số hiệu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hand-over round %1</source>
        <translation>đợt bàn giao %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saving...</source>
        <translation>Đang lưu...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 — done</source>
        <translation>%1: %2 — đã xong</translation>
    </message>
</context>
<context>
    <name>ExemptionsDialog</name>
    <message>
        <location filename="../../ui/counter/exemptions.py" line="+56"/>
        <source>Fee exemptions and reductions</source>
        <translation>Miễn, giảm phí, lệ phí theo đối tượng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant group</source>
        <translation>Nhóm đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduction</source>
        <translation>Mức miễn, giảm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>Đang áp dụng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>e.g. HN</source>
        <translation>ví dụ: HN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Poor households</source>
        <translation>ví dụ: Hộ nghèo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A percentage of the fees</source>
        <translation>Giảm theo tỷ lệ phần trăm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fixed amount off</source>
        <translation>Giảm một số tiền cố định</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>đồng, e.g. 10.000</source>
        <translation>đồng, ví dụ: 10.000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. Point a, clause 2, Article 3 of Circular 281/2016/TT-BTC</source>
        <translation>ví dụ: Điểm a khoản 2 Điều 3 Thông tư 281/2016/TT-BTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use (offered in the payment dialog)</source>
        <translation>Đang áp dụng (có trong danh sách khi thu phí)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Code:</source>
        <translation>&amp;Mã nhóm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Applicant group:</source>
        <translation>&amp;Nhóm đối tượng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reduction:</source>
        <translation>Mức &amp;giảm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Legal basis:</source>
        <translation>Căn cứ &amp;pháp lý:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New group</source>
        <translation>Thêm nhóm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Enter the group&apos;s code (at most 20 characters).</source>
        <translation>Nhập mã nhóm đối tượng (tối đa 20 ký tự).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name of the applicant group.</source>
        <translation>Nhập tên nhóm đối tượng.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reduction is a whole percentage from 1 to 100.</source>
        <translation>Tỷ lệ giảm là số nguyên từ 1 đến 100 (%).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount off is a whole number of đồng greater than 0, e.g. 10.000.</source>
        <translation>Số tiền giảm là số đồng nguyên lớn hơn 0, ví dụ: 10.000.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the legal basis (the text that grants the exemption).</source>
        <translation>Nhập căn cứ pháp lý (văn bản quy định việc miễn, giảm).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Fee exemptions and reductions — saved %1</source>
        <translation>Miễn, giảm phí, lệ phí — đã lưu %1</translation>
    </message>
</context>
<context>
    <name>FeePaymentDialog</name>
    <message>
        <location filename="../../ui/counter/fees.py" line="-208"/>
        <source>Fees of dossier %1</source>
        <translation>Phí, lệ phí của hồ sơ %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fee</source>
        <translation>Loại phí, lệ phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No exemption</source>
        <translation>Không miễn, giảm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online payment</source>
        <translation>Thanh toán trực tuyến</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transaction code (transfer or online)</source>
        <translation>Mã giao dịch (chuyển khoản hoặc trực tuyến)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exemption or reduction:</source>
        <translation>Miễn, giảm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment means:</source>
        <translation>Hình thức thanh toán:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference:</source>
        <translation>Mã giao dịch:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount due:</source>
        <translation>Số tiền phải thu:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Collect and print the receipt</source>
        <translation>Thu tiền và in biên lai</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>đồng, e.g. 50.000</source>
        <translation>đồng, ví dụ: 50.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount of %1</source>
        <translation>Số tiền của %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (set by the regulation):</source>
        <translation>%1 (thu theo quy định):</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+13"/>
        <source>Type the amount as a whole number of đồng above 0, e.g. 50.000.</source>
        <translation>Hãy nhập số tiền là số đồng nguyên lớn hơn 0, ví dụ: 50.000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the amount of each fee set by the regulation.</source>
        <translation>Hãy nhập số tiền của từng khoản thu theo quy định.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legal basis: %1 (−%2)</source>
        <translation>Căn cứ: %1 (−%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is due now.</source>
        <translation>Hiện không có khoản nào phải thu.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Recording the payment...</source>
        <translation>Đang ghi nhận khoản thu...</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/counter/dossiers.py" line="+33"/>
        <source>Hand-over round</source>
        <translation>Đợt bàn giao</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Round %1 at %2: %n dossier(s) handed over</source>
        <translation>
            <numerusform>Đợt %1 lúc %2: đã bàn giao %n hồ sơ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1: %n dossier(s)</source>
        <translation>
            <numerusform>%1: %n hồ sơ</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no department)</source>
        <translation>(chưa có phòng ban)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n late</source>
        <translation>
            <numerusform>%n hồ sơ trễ</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Department / dossier code</source>
        <translation>Phòng chuyên môn / mã hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hand-over</source>
        <translation>Bàn giao</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print the lists</source>
        <translation>In danh sách</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one list per department, to go with the papers</source>
        <translation>In mỗi phòng ban một danh sách, kèm theo giấy tờ</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>No dossier was waiting to be handed over.</source>
        <translation>Không có hồ sơ nào chờ bàn giao.</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <location filename="../../ui/counter/intake_controller.py" line="+81"/>
        <source>Ticket %1</source>
        <extracomment>(form key, dossier code) after a save: &quot;receipt&quot;, &quot;supplement&quot; or &quot;refusal&quot;. the saved dossier&apos;s summary (``dossiers.summary_json``).</extracomment>
        <translation>Vé %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no department</source>
        <translation>chưa có phòng chuyên môn</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 working day(s)</source>
        <translation>%1 ngày làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 working hour(s)</source>
        <translation>%1 giờ làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 day(s)</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>within the day</source>
        <translation>trong ngày</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in the catalog</source>
        <translation>chưa có trong danh mục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing time: %1</source>
        <translation>Thời hạn giải quyết: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(received after 15:00: counted from the next working day)</source>
        <translation>(nhận sau 15 giờ: tính từ ngày làm việc tiếp theo)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fees: none</source>
        <translation>Phí, lệ phí: không có</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As set by the provincial People&apos;s Council</source>
        <translation>Theo quy định của HĐND tỉnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>free</source>
        <translation>miễn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fees:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Appointment: choose a procedure</source>
        <translation>Hẹn trả: hãy chọn thủ tục</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment: enter it below</source>
        <translation>Hẹn trả: nhập ngày hẹn bên dưới</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Not a valid date of birth (dd/mm/yyyy).</source>
        <translation>Ngày sinh không hợp lệ (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>or</source>
        <translation>hoặc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one of: %1</source>
        <translation>một trong: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: required documents are missing. Request a supplement (Ctrl+B) or refuse (Ctrl+T).</source>
        <translation>Chưa lưu: còn thiếu giấy tờ bắt buộc. Chọn Yêu cầu bổ sung (Ctrl+B) hoặc Từ chối (Ctrl+T).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still missing:</source>
        <translation>Còn thiếu:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some fields are not valid; see the messages in red.</source>
        <translation>Một số ô chưa hợp lệ; xem thông báo màu đỏ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: required documents are missing.</source>
        <translation>Chưa lưu: còn thiếu giấy tờ bắt buộc.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every required document is ticked: there is nothing to request. Untick what is missing.</source>
        <translation>Đã đánh dấu đủ giấy tờ bắt buộc nên không có gì để yêu cầu bổ sung. Hãy bỏ đánh dấu giấy tờ còn thiếu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Request a supplement</source>
        <translation>Yêu cầu bổ sung hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant must bring these documents:</source>
        <translation>Người nộp cần bổ sung các giấy tờ sau:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dossier lacks the required documents listed.</source>
        <translation>Hồ sơ còn thiếu các giấy tờ bắt buộc nêu trên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and print the request</source>
        <translation>Lưu và in phiếu yêu cầu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refuse the dossier</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The refusal and its reason are printed for the applicant.</source>
        <translation>Phiếu từ chối và lý do sẽ được in cho người nộp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse and print</source>
        <translation>Từ chối và in phiếu</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saving the dossier...</source>
        <translation>Đang lưu hồ sơ...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dossier %1: supplement requested. Print the list for the applicant.</source>
        <translation>Hồ sơ %1: đã yêu cầu bổ sung. In phiếu cho người nộp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier %1 refused. Print the refusal for the applicant.</source>
        <translation>Đã từ chối hồ sơ %1. In phiếu từ chối cho người nộp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier %1 received. %2</source>
        <translation>Đã tiếp nhận hồ sơ %1. %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Appointment: %1 on %2</source>
        <translation>Hẹn trả: %1 ngày %2</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/counter/intake.py" line="+196"/>
        <location line="+144"/>
        <location line="+4"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Scan the QR code of the ID card here (or paste its text)</source>
        <translation>Quét mã QR trên thẻ CCCD vào đây (hoặc dán nội dung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>12 digits (or 9 for an old ID)</source>
        <translation>12 chữ số (hoặc 9 với CMND cũ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only used to check the ID number; not stored</source>
        <translation>Chỉ dùng để đối chiếu số CCCD; không lưu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applicant</source>
        <translation>Chủ hồ sơ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan ID card</source>
        <translation>Quét CCCD</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+22"/>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Submitted on behalf by someone else</source>
        <translation>Có người nộp hộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the submitter&apos;s fields</source>
        <translation>Hiện thông tin người nộp hộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitter</source>
        <translation>Người nộp hộ</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant type</source>
        <translation>Loại đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result delivery</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of sets</source>
        <translation>Số bộ hồ sơ</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No processing time in the catalog; appointment:</source>
        <translation>Thủ tục chưa có thời hạn trong danh mục; hẹn trả:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Space ticks a document; type a number to change a count</source>
        <translation>Phím cách để đánh dấu giấy tờ; gõ số để sửa số bản</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Save the dossier and print the slip</source>
        <translation>Lưu hồ sơ và in giấy tiếp nhận, hẹn trả kết quả</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Request supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record the dossier as incomplete and print the list of what to bring</source>
        <translation>Ghi nhận hồ sơ chưa đủ và in phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refuse the dossier and print the reason</source>
        <translation>Từ chối hồ sơ và in phiếu từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear form</source>
        <translation>Xóa biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the form for the next citizen</source>
        <translation>Làm trống biểu mẫu cho người tiếp theo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the ID card</source>
        <translation>Quét thẻ căn cước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents checklist (Space ticks)</source>
        <translation>Danh mục giấy tờ (phím cách để đánh dấu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the ID card&apos;s QR code</source>
        <translation>Quét mã QR trên CCCD</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Documents received (* required)</source>
        <translation>Thành phần hồ sơ đã nhận (* bắt buộc)</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../ui/counter/complaints.py" line="-237"/>
        <source>New complaint or feedback</source>
        <translation>Tiếp nhận phản ánh, kiến nghị</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The center</source>
        <translation>Trung tâm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received:</source>
        <translation>Hình thức tiếp nhận:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender&apos;s name:</source>
        <translation>Họ tên người phản ánh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>Thư điện tử:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier code (if any):</source>
        <translation>Mã hồ sơ (nếu có):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by:</source>
        <translation>Đơn vị xử lý:</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../ui/counter/print_controller.py" line="+99"/>
        <location line="+12"/>
        <source>Preparing the form...</source>
        <extracomment>How often jobs that wait for a printer are offered to it again (no dialog for these attempts). This station&apos;s jobs still to print, or waiting for the officer&apos;s decision, as last read.</extracomment>
        <translation>Đang chuẩn bị mẫu in...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt and appointment</source>
        <translation>Giấy tiếp nhận và hẹn trả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supplement request</source>
        <translation>Phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusal</source>
        <translation>Phiếu từ chối</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apology and new appointment</source>
        <translation>Văn bản xin lỗi và hẹn lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop-processing notice</source>
        <translation>Thông báo dừng giải quyết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Control sheet</source>
        <translation>Phiếu kiểm soát</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Sending to the printer...</source>
        <translation>Đang gửi lệnh in...</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Sent to the printer: %1</source>
        <translation>Đã gửi in: %1</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>May have printed</source>
        <translation>Có thể đã in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print job %1 (%2) was being sent when the counter stopped. It may have printed — print it again?</source>
        <translation>Bản in %1 (%2) đang được gửi thì quầy dừng lại. Có thể đã in — in lại?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It printed</source>
        <translation>Đã in rồi</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="+25"/>
        <source>Print preview — %1</source>
        <translation>Xem trước khi in — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies: </source>
        <translation>Số bản: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print (Ctrl+P)</source>
        <translation>In (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/counter/intake.py" line="-295"/>
        <source>Type a procedure name or code, e.g. &quot;khai sinh&quot; or 2.000815</source>
        <translation>Gõ tên hoặc mã thủ tục, ví dụ &quot;khai sinh&quot; hoặc 2.000815</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../ui/i18n.py" line="+79"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-8"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-10"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+10"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/common.py" line="+106"/>
        <source>Reason:</source>
        <extracomment>a click on the indicator (the counter opens the sync window)</extracomment>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Please enter the reason.</source>
        <translation>Vui lòng nhập lý do.</translation>
    </message>
</context>
<context>
    <name>action</name>
    <message>
        <location filename="../../ui/i18n.py" line="+35"/>
        <source>Transfer</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement complete</source>
        <translation>Đã bổ sung đủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request financial obligation</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop processing</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apologize &amp;&amp; new appointment</source>
        <translation>Xin lỗi &amp;&amp; hẹn lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct information</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel dossier</source>
        <translation>Hủy hồ sơ</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location line="+4"/>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State body</source>
        <translation>Cơ quan nhà nước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fee</source>
        <translation>Phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting</source>
        <translation>Chờ thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unpaid</source>
        <translation>Chưa nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Đã hoàn trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+34"/>
        <source>The device is disconnected</source>
        <translation>Thiết bị mất kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper</source>
        <translation>Máy in hết giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device did not answer in time</source>
        <translation>Thiết bị không phản hồi (quá thời gian chờ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer cover is open</source>
        <translation>Nắp máy in đang mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device is busy; please try again</source>
        <translation>Thiết bị đang bận, vui lòng thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device is not configured correctly; call the technician</source>
        <translation>Thiết bị chưa được cấu hình đúng; liên hệ kỹ thuật viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading from or writing to the device failed</source>
        <translation>Lỗi đọc/ghi dữ liệu với thiết bị</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your account is not allowed to do this.</source>
        <translation>Tài khoản của bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The correction is not valid.</source>
        <translation>Nội dung đính chính không hợp lệ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That queue service does not exist.</source>
        <translation>Không có dịch vụ xếp hàng này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter numbers start at 1.</source>
        <translation>Số quầy bắt đầu từ 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The issue date on the card is not valid.</source>
        <translation>Ngày cấp trên thẻ không hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date of birth on the card is not valid.</source>
        <translation>Ngày sinh trên thẻ không hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ID number does not match the date of birth and sex.</source>
        <translation>Số CCCD không khớp với ngày sinh và giới tính.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name on the card could not be read.</source>
        <translation>Không đọc được họ tên trên thẻ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The QR text could not be read; scan again or type the details.</source>
        <translation>Không đọc được mã QR; hãy quét lại hoặc nhập tay.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The center&apos;s working hours are not set up correctly; call the technician.</source>
        <translation>Thiết lập giờ làm việc của trung tâm không hợp lệ; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The procedure&apos;s processing time in the catalog is not valid; call the technician.</source>
        <translation>Thời hạn giải quyết của thủ tục trong danh mục không hợp lệ; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No working time was found in the calendar; call the technician.</source>
        <translation>Không tìm được thời gian làm việc trong lịch; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The holiday schedule is not valid; call the technician.</source>
        <translation>Lịch nghỉ lễ không hợp lệ; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is outside the range of the lunar calendar.</source>
        <translation>Ngày nằm ngoài phạm vi của lịch âm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number cannot be read aloud.</source>
        <translation>Không đọc được số này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog file cannot be read.</source>
        <translation>Không đọc được tệp danh mục thủ tục.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A setting is not valid; call the technician.</source>
        <translation>Một thiết lập không hợp lệ; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command line was given something it cannot use.</source>
        <translation>Dòng lệnh nhận được dữ liệu không dùng được.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The database file is on a network share; call the technician.</source>
        <translation>Tệp cơ sở dữ liệu nằm trên ổ mạng; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An archived file was changed on disk; call the technician.</source>
        <translation>Một tệp lưu trữ đã bị thay đổi trên đĩa; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This action is not known.</source>
        <translation>Thao tác không hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier&apos;s current status does not allow this action.</source>
        <translation>Trạng thái hiện tại của hồ sơ không cho phép thao tác này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No dossier has this code.</source>
        <translation>Không có hồ sơ nào có mã này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time must lie between the dossier&apos;s last event ({last}) and now.</source>
        <translation>Thời điểm phải nằm giữa sự kiện gần nhất của hồ sơ ({last}) và hiện tại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the new appointment.</source>
        <translation>Nhập ngày hẹn trả mới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new appointment must be after the current one ({due}).</source>
        <translation>Ngày hẹn mới phải sau ngày hẹn hiện tại ({due}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No procedure has this code.</source>
        <translation>Không có thủ tục nào có mã này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required documents are missing.</source>
        <translation>Còn thiếu giấy tờ bắt buộc.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>An apology with a new appointment may be given only once per dossier.</source>
        <translation>Mỗi hồ sơ chỉ được xin lỗi và hẹn lại một lần.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new appointment must fall within working hours.</source>
        <translation>Ngày hẹn mới phải nằm trong giờ làm việc.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>This dossier has no appointment to extend.</source>
        <translation>Hồ sơ này chưa có ngày hẹn để gia hạn.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>This procedure has no processing time in the catalog: enter the appointment.</source>
        <translation>Thủ tục chưa có thời hạn giải quyết trong danh mục: hãy nhập ngày hẹn trả.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The center&apos;s agency identifier is not configured; call the technician.</source>
        <translation>Chưa cấu hình mã định danh của cơ quan; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This procedure is no longer offered.</source>
        <translation>Thủ tục này không còn được thực hiện.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Enter the ID number (9 or 12 digits) of the person collecting the result.</source>
        <translation>Nhập số giấy tờ (9 hoặc 12 chữ số) của người nhận kết quả.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>A result sent by post needs the postal tracking number.</source>
        <translation>Trả kết quả qua bưu chính cần có số hiệu bưu gửi.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Please enter the reason.</source>
        <translation>Vui lòng nhập lý do.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>List every missing document.</source>
        <translation>Liệt kê đầy đủ các giấy tờ còn thiếu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A dossier refused at intake has no result to return.</source>
        <translation>Hồ sơ bị từ chối khi tiếp nhận không có kết quả để trả.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Choose the department to transfer the dossier to.</source>
        <translation>Chọn phòng chuyên môn để chuyển hồ sơ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That department does not exist.</source>
        <translation>Không có phòng chuyên môn này.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was changed.</source>
        <translation>Chưa có thông tin nào thay đổi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The time received cannot be in the future.</source>
        <translation>Thời điểm tiếp nhận không thể ở tương lai.</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>The date of birth is not valid.</source>
        <translation>Ngày sinh không hợp lệ.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The ID number must have 9 or 12 digits.</source>
        <translation>Số CCCD/CMND phải có 9 hoặc 12 chữ số.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>The phone number is not valid.</source>
        <translation>Số điện thoại không hợp lệ.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The e-mail address is not valid.</source>
        <translation>Địa chỉ email không hợp lệ.</translation>
    </message>
    <message>
        <location line="+324"/>
        <source>Enter the applicant&apos;s full name.</source>
        <translation>Nhập họ tên chủ hồ sơ.</translation>
    </message>
    <message>
        <location line="-414"/>
        <source>The dossier was just changed by someone else. Please reload and try again.</source>
        <translation>Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.</translation>
    </message>
    <message>
        <location line="+461"/>
        <source>Not found: the dossier or item asked for does not exist.</source>
        <translation>Không tìm thấy hồ sơ hoặc dữ liệu được yêu cầu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This cannot be done under the rules.</source>
        <translation>Không thể thực hiện thao tác này theo quy định.</translation>
    </message>
    <message>
        <location line="-467"/>
        <source>The data entered is not valid.</source>
        <translation>Dữ liệu nhập chưa hợp lệ.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The database belongs to another version of the software; call the technician.</source>
        <translation>Cơ sở dữ liệu thuộc phiên bản phần mềm khác; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The database cannot be used; call the technician.</source>
        <translation>Không sử dụng được cơ sở dữ liệu; liên hệ kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The appointment of this procedure is computed from the catalog.</source>
        <translation>Ngày hẹn trả của thủ tục này được tính theo danh mục.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The appointment cannot be before the time received.</source>
        <translation>Ngày hẹn trả không được trước thời điểm tiếp nhận.</translation>
    </message>
    <message>
        <location line="+297"/>
        <source>Digitized papers need {minimum} dpi or more.</source>
        <translation>Giấy tờ số hóa cần độ phân giải từ {minimum} dpi trở lên.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scanner does not answer; check its cable and power, or call the technician.</source>
        <translation>Máy quét không phản hồi; kiểm tra cáp và nguồn điện, hoặc gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scanner stopped after {pages} page(s); nothing was stored.</source>
        <translation>Máy quét dừng sau {pages} trang; chưa lưu gì.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No page was scanned (all blank, or the feeder is empty).</source>
        <translation>Không quét được trang nào (toàn trang trắng, hoặc khay nạp giấy trống).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose the procedure.</source>
        <translation>Chọn thủ tục.</translation>
    </message>
    <message>
        <location line="-392"/>
        <source>A number of copies must be a whole number, 0 or more.</source>
        <translation>Số bản phải là số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full: nothing was saved. Free some space or call the technician.</source>
        <translation>Đĩa đã đầy: chưa lưu được gì. Hãy giải phóng dung lượng hoặc gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database cannot be opened as configured; call the technician.</source>
        <translation>Không mở được cơ sở dữ liệu theo cấu hình; hãy gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup is damaged or is not a motcua backup; nothing was restored.</source>
        <translation>Bản sao lưu bị hỏng hoặc không phải bản sao lưu của motcua; chưa khôi phục gì.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup could not be written (disk full, unplugged or no permission).</source>
        <translation>Không ghi được bản sao lưu (ổ đầy, ổ bị rút ra hoặc không có quyền ghi).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The center&apos;s database could not be backed up on this computer; call the technician.</source>
        <translation>Không sao lưu được cơ sở dữ liệu của trung tâm trên máy này; hãy gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Fill in this field.</source>
        <translation>Hãy nhập thông tin này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long: at most {max_len} characters.</source>
        <translation>Quá dài: tối đa {max_len} ký tự.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This field needs letters or digits.</source>
        <translation>Thông tin này cần có chữ hoặc số.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name needs letters.</source>
        <translation>Họ tên phải có chữ cái.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code has only letters A-Z, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Mã chỉ gồm chữ A-Z, chữ số, &apos;.&apos;, &apos;-&apos; và &apos;_&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only digits are allowed here.</source>
        <translation>Chỉ được nhập chữ số.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text holds an invisible or control character; type it again.</source>
        <translation>Nội dung có ký tự ẩn hoặc ký tự điều khiển; hãy gõ lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a whole number from {minimum} to {maximum}.</source>
        <translation>Nhập số nguyên từ {minimum} đến {maximum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a number.</source>
        <translation>Hãy nhập một số.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a number from {minimum} to {maximum}.</source>
        <translation>Nhập số từ {minimum} đến {maximum}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The appointment is not a date and time.</source>
        <translation>Ngày hẹn trả không phải ngày giờ hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time received is too far back (at most {max_days} days, not before the center opened).</source>
        <translation>Thời điểm tiếp nhận lùi quá xa (tối đa {max_days} ngày, không trước ngày trung tâm hoạt động).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many documents in one dossier (at most {max}).</source>
        <translation>Quá nhiều thành phần trong một hồ sơ (tối đa {max}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each document needs its name or code.</source>
        <translation>Mỗi thành phần hồ sơ cần có tên hoặc mã.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document {key} is not in this procedure&apos;s checklist.</source>
        <translation>Giấy tờ {key} không có trong danh mục thành phần hồ sơ của thủ tục này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document {key} matches several items; choose it by its code.</source>
        <translation>Giấy tờ {key} khớp với nhiều thành phần hồ sơ; hãy chọn theo mã.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A document is listed twice.</source>
        <translation>Một thành phần hồ sơ được liệt kê hai lần.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not the QR code of an ID card (fields missing).</source>
        <translation>Đây không phải mã QR của thẻ CCCD (thiếu trường dữ liệu).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ID number on the card must have 12 digits.</source>
        <translation>Số CCCD trên thẻ phải có 12 chữ số.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ID number does not start with a known province code.</source>
        <translation>Số CCCD không bắt đầu bằng mã tỉnh hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old ID number on the card must have 9 digits.</source>
        <translation>Số CMND cũ trên thẻ phải có 9 chữ số.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sex on the card could not be read.</source>
        <translation>Không đọc được giới tính trên thẻ.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This form does not exist.</source>
        <translation>Không có mẫu phiếu này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier was cancelled; no form applies.</source>
        <translation>Hồ sơ đã bị hủy; không có mẫu phiếu nào áp dụng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier was not taken in complete; print the supplement request or the refusal instead.</source>
        <translation>Hồ sơ chưa được tiếp nhận đầy đủ; hãy in phiếu yêu cầu bổ sung hoặc phiếu từ chối.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dossier has no open supplement request.</source>
        <translation>Hồ sơ không có yêu cầu bổ sung nào đang mở.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier was not refused.</source>
        <translation>Hồ sơ không bị từ chối.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier has no apology with a new appointment.</source>
        <translation>Hồ sơ không có văn bản xin lỗi và hẹn lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier&apos;s processing was not stopped.</source>
        <translation>Hồ sơ không bị dừng xử lý.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier was never taken in; there is no control sheet.</source>
        <translation>Hồ sơ chưa từng được tiếp nhận; không có phiếu kiểm soát.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This hand-over round handed over no dossier.</source>
        <translation>Đợt bàn giao này không có hồ sơ nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That hand-over round does not exist.</source>
        <translation>Không có đợt bàn giao này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A hand-over round cannot be recorded in the future.</source>
        <translation>Không thể ghi nhận đợt bàn giao ở thời điểm tương lai.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A queue service code is 1 to 3 letters.</source>
        <translation>Mã dịch vụ xếp hàng gồm 1 đến 3 chữ cái.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the queue service&apos;s name.</source>
        <translation>Nhập tên dịch vụ xếp hàng.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That priority group does not exist.</source>
        <translation>Không có nhóm ưu tiên này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counter {number} does not exist.</source>
        <translation>Không có quầy số {number}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This counter is not serving a ticket.</source>
        <translation>Quầy này chưa gọi số nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {number} does not exist.</source>
        <translation>Không có số thứ tự {number}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {number} was not skipped.</source>
        <translation>Số {number} không bị bỏ qua.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {number} was skipped more than {limit} minutes ago; the citizen needs a new ticket.</source>
        <translation>Số {number} đã bị bỏ qua quá {limit} phút; công dân cần lấy số mới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a service or a counter to transfer the ticket to.</source>
        <translation>Chọn dịch vụ hoặc quầy để chuyển số.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ticket is already at this counter.</source>
        <translation>Số này đã ở quầy này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a queue number (e.g. A012).</source>
        <translation>Không phải số thứ tự hợp lệ (ví dụ A012).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid date and time.</source>
        <translation>Ngày giờ không hợp lệ.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The catalog file has {count} invalid row(s).</source>
        <translation>Tệp danh mục có {count} dòng không hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file does not exist.</source>
        <translation>Tệp không tồn tại.</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>The file is not valid JSON.</source>
        <translation>Tệp không đúng định dạng JSON.</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>The file is too large (at most {mb} MB).</source>
        <translation>Tệp quá lớn (tối đa {mb} MB).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a folder, not a file.</source>
        <translation>Đây là thư mục, không phải tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an ordinary file.</source>
        <translation>Đây không phải tệp thông thường.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No permission to read the file.</source>
        <translation>Không có quyền đọc tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel).</source>
        <translation>Tệp không phải văn bản UTF-8; hãy lưu lại dạng UTF-8 (CSV UTF-8 trong Excel).</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>The database is read-only on this computer; nothing was saved. Call the technician.</source>
        <translation>Cơ sở dữ liệu chỉ đọc trên máy này; chưa lưu được gì. Hãy gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No printer of that kind is set up on this station.</source>
        <translation>Máy này chưa cài đặt máy in loại đó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer&apos;s setting is not valid; call the technician.</source>
        <translation>Cấu hình máy in không hợp lệ; hãy gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print at least one copy.</source>
        <translation>In ít nhất một bản.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This print job does not exist.</source>
        <translation>Không có bản in này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This print job is being sent now.</source>
        <translation>Bản in này đang được gửi tới máy in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That printer cannot print this document.</source>
        <translation>Máy in đó không in được giấy tờ này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This print job is not waiting for a decision.</source>
        <translation>Bản in này không chờ quyết định.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rating key is not on the keypad&apos;s scale.</source>
        <translation>Phím đánh giá không thuộc thang điểm của bàn phím.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This counter does not exist.</source>
        <translation>Không có quầy này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no ticket with this number to rate.</source>
        <translation>Không có số thứ tự này để đánh giá.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket has not been served yet.</source>
        <translation>Số thứ tự này chưa được phục vụ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This visit has been rated already: one rating per visit.</source>
        <translation>Lượt phục vụ này đã được đánh giá: mỗi lượt chỉ đánh giá một lần.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exemption needs a code, a name, its legal basis and either a percentage or an amount.</source>
        <translation>Đối tượng miễn, giảm cần có mã, tên, căn cứ pháp lý và tỷ lệ hoặc số tiền giảm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This exemption does not exist or is no longer in use.</source>
        <translation>Không có đối tượng miễn, giảm này hoặc đã ngừng áp dụng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose cash, bank transfer or online payment.</source>
        <translation>Chọn tiền mặt, chuyển khoản hoặc thanh toán trực tuyến.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount must be a whole number of đồng.</source>
        <translation>Số tiền phải là số đồng nguyên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A transfer or online payment needs its transaction reference.</source>
        <translation>Chuyển khoản hoặc thanh toán trực tuyến cần có mã giao dịch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transaction reference is too long.</source>
        <translation>Mã giao dịch quá dài.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This dossier is cancelled: no fee is taken.</source>
        <translation>Hồ sơ đã bị hủy: không thu phí, lệ phí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This fee is not due now.</source>
        <translation>Khoản phí này hiện không phải thu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This dossier owes nothing now.</source>
        <translation>Hồ sơ hiện không còn khoản nào phải thu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount taken is not the amount due.</source>
        <translation>Số tiền thu không đúng số tiền phải thu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no fee receipt with this number.</source>
        <translation>Không có biên lai số này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This dossier has no fee receipt in force.</source>
        <translation>Hồ sơ chưa có biên lai thu phí còn hiệu lực.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the receipt is cancelled.</source>
        <translation>Hãy nhập lý do hủy biên lai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt is cancelled already.</source>
        <translation>Biên lai này đã bị hủy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You may see only your own drawer.</source>
        <translation>Bạn chỉ được xem khoản thu của chính mình.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in the sender&apos;s name and the content.</source>
        <translation>Hãy nhập họ tên người phản ánh và nội dung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A field of the complaint is not valid.</source>
        <translation>Một thông tin của phản ánh không hợp lệ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose how the complaint came in.</source>
        <translation>Chọn hình thức tiếp nhận phản ánh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose feedback or proposal.</source>
        <translation>Chọn phản ánh hoặc kiến nghị.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This department does not exist.</source>
        <translation>Không có đơn vị này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This complaint does not exist.</source>
        <translation>Không có phản ánh này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This complaint is answered already; it cannot be routed.</source>
        <translation>Phản ánh đã được trả lời; không chuyển đơn vị xử lý được.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the answer first.</source>
        <translation>Hãy nhập nội dung trả lời trước.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This complaint is answered already.</source>
        <translation>Phản ánh này đã được trả lời.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose how the citizen was told.</source>
        <translation>Chọn cách đã báo cho công dân.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This complaint has no answer to tell yet.</source>
        <translation>Phản ánh chưa có nội dung trả lời để báo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The agency identifier is not valid (e.g. 000.17.22.H56).</source>
        <translation>Mã định danh cơ quan không hợp lệ (ví dụ 000.17.22.H56).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed sign-ins: try again in {seconds} seconds.</source>
        <translation>Đăng nhập sai quá nhiều lần: thử lại sau {seconds} giây.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is locked; ask the administrator.</source>
        <translation>Tài khoản này đã bị khóa; hãy liên hệ quản trị viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no such user.</source>
        <translation>Không có người dùng này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This user name is already taken.</source>
        <translation>Tên đăng nhập này đã có người dùng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database already has users: sign in as an administrator.</source>
        <translation>Cơ sở dữ liệu đã có người dùng: hãy đăng nhập bằng tài khoản quản trị.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A user name is lower-case letters without accents, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Tên đăng nhập gồm chữ thường không dấu, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Choose at least one role.</source>
        <translation>Hãy chọn ít nhất một vai trò.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A password needs at least {min} characters.</source>
        <translation>Mật khẩu phải có ít nhất {min} ký tự.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords are not the same.</source>
        <translation>Hai mật khẩu nhập vào không giống nhau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last administrator cannot be locked or lose the administrator role.</source>
        <translation>Không thể khóa hoặc bỏ vai trò quản trị của quản trị viên cuối cùng.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first user must be the administrator.</source>
        <translation>Người dùng đầu tiên phải là quản trị viên.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file could not be written (disk full or no permission).</source>
        <translation>Không ghi được tệp (đĩa đầy hoặc không có quyền ghi).</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The device address is not valid.</source>
        <translation>Địa chỉ thiết bị không hợp lệ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device is not set up on this station.</source>
        <translation>Thiết bị này chưa được cài đặt ở máy này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device&apos;s self-test failed: {detail}</source>
        <translation>Thiết bị không qua được bài tự kiểm tra: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The diagnostics file could not be written (disk full or no permission).</source>
        <translation>Không ghi được tệp chẩn đoán (đĩa đầy hoặc không có quyền ghi).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A register covers at most {max_days} days; print it a year at a time.</source>
        <translation>Sổ theo dõi in tối đa {max_days} ngày; hãy in từng năm.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup was made by a newer version of the program; restore it with that version.</source>
        <translation>Bản sao lưu được tạo bởi phiên bản chương trình mới hơn; hãy khôi phục bằng phiên bản đó.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A report covers at most {max_days} days.</source>
        <translation>Báo cáo tối đa {max_days} ngày.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports are saved as .xlsx or .pdf files.</source>
        <translation>Báo cáo được lưu dưới dạng tệp .xlsx hoặc .pdf.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The backup folder is not there (is the USB disk plugged in?).</source>
        <translation>Không thấy thư mục sao lưu (ổ USB đã cắm chưa?).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scanned or printed file could not be saved (disk full or no permission).</source>
        <translation>Không lưu được tệp quét hoặc tệp in (đĩa đầy hoặc không có quyền ghi).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stored file of this dossier is missing; ask the technician to run the file check.</source>
        <translation>Thiếu một tệp đã lưu của hồ sơ; đề nghị kỹ thuật viên chạy kiểm tra tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stored file of this dossier is damaged; ask the technician to run the file check.</source>
        <translation>Một tệp đã lưu của hồ sơ bị hỏng; đề nghị kỹ thuật viên chạy kiểm tra tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document&apos;s file must be a PDF.</source>
        <translation>Tệp của thành phần hồ sơ phải là PDF.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>An export of personal data needs a reason (at least {min} characters).</source>
        <translation>Xuất dữ liệu cá nhân phải ghi rõ lý do (ít nhất {min} ký tự).</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The document&apos;s file is larger than {mb} MB.</source>
        <translation>Tệp của thành phần hồ sơ lớn hơn {mb} MB.</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>The amount of a fee of this dossier is not known: type it in the payment dialog.</source>
        <translation>Có khoản phí, lệ phí của hồ sơ chưa có mức thu: nhập số tiền trong hộp thoại thu phí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This fee&apos;s amount is set in the catalog; it cannot be typed.</source>
        <translation>Khoản này đã có mức thu trong danh mục, không nhập số tiền khác.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the fee&apos;s amount as a whole number of đồng above 0, e.g. 50.000.</source>
        <translation>Số tiền của khoản thu phải là số đồng nguyên lớn hơn 0, ví dụ: 50.000.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No backup folder is set; call the technician.</source>
        <translation>Chưa đặt thư mục sao lưu; hãy gọi kỹ thuật viên.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The document has no pages.</source>
        <translation>Tài liệu không có trang nào.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This dossier has no such document item.</source>
        <translation>Hồ sơ không có thành phần này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This document item has not been scanned yet.</source>
        <translation>Thành phần hồ sơ này chưa được số hóa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is not a readable PDF.</source>
        <translation>Tệp không phải PDF đọc được.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one PDF, or JPEG, PNG or TIFF images.</source>
        <translation>Chọn một tệp PDF, hoặc các ảnh JPEG, PNG, TIFF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images could not be read.</source>
        <translation>Không đọc được các ảnh.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This online dossier does not exist.</source>
        <translation>Không có hồ sơ trực tuyến này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This online dossier was already handled.</source>
        <translation>Hồ sơ trực tuyến này đã được xử lý.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose to keep this station&apos;s change or take the province&apos;s.</source>
        <translation>Hãy chọn giữ thay đổi của máy này hoặc lấy của tỉnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sync conflict does not exist.</source>
        <translation>Xung đột đồng bộ này không tồn tại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sync conflict was already resolved.</source>
        <translation>Xung đột đồng bộ này đã được xử lý.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier is closed here; the province&apos;s status cannot be taken.</source>
        <translation>Hồ sơ đã kết thúc tại đây; không thể lấy trạng thái của tỉnh.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link to the province is not set up (sync address).</source>
        <translation>Chưa cấu hình kết nối với tỉnh (địa chỉ đồng bộ).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link to the province is set up in a way that is refused (use https).</source>
        <translation>Cấu hình kết nối với tỉnh không được chấp nhận (phải dùng https).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another station of the center is syncing now; try again in a moment.</source>
        <translation>Một máy khác của trung tâm đang đồng bộ; thử lại sau ít phút.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The province could not be asked for the audit chain head; check the link and try again.</source>
        <translation>Không hỏi được tỉnh đầu chuỗi nhật ký; hãy kiểm tra đường truyền rồi thử lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item is not waiting to be sent.</source>
        <translation>Mục này không ở trạng thái chờ gửi.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the submitter&apos;s full name.</source>
        <translation>Nhập họ tên người nộp hộ.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The operation could not be completed.</source>
        <translation>Không thực hiện được thao tác.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the database. Check the network connection and try again.</source>
        <translation>Không kết nối được cơ sở dữ liệu. Kiểm tra kết nối mạng rồi thử lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error occurred. The details were written to the log.</source>
        <translation>Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký (log).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>If it happens again, tell the technician the time it happened.</source>
        <translation>Nếu lỗi lặp lại, hãy báo kỹ thuật viên thời điểm xảy ra lỗi.</translation>
    </message>
    <message>
        <location line="-466"/>
        <source>Cannot connect to the database ({detail}); check the server, the name and the password.</source>
        <translation>Không kết nối được cơ sở dữ liệu ({detail}); hãy kiểm tra máy chủ, tên và mật khẩu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the server, the database name and the user.</source>
        <translation>Hãy nhập máy chủ, tên cơ sở dữ liệu và người dùng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over round &quot;{value}&quot; is not a time such as 09:00.</source>
        <translation>Đợt bàn giao &quot;{value}&quot; không phải là giờ hợp lệ (ví dụ 09:00).</translation>
    </message>
</context>
<context>
    <name>event</name>
    <message>
        <location filename="../../ui/i18n.py" line="-59"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred for processing</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement complete</source>
        <translation>Đã bổ sung đủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Financial obligation requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology and new appointment</source>
        <translation>Xin lỗi và hẹn lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result returned</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information corrected</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Hủy hồ sơ</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location line="-25"/>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Đã từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for financial obligation</source>
        <translation>Chờ thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Đã rút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result ready</source>
        <translation>Đã có kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
</TS>
