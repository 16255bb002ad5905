<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/security/dialogs.py" line="+161"/>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Current password:</source>
        <translation>Mật khẩu hiện tại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location line="+25"/>
        <source>DEMO ACCOUNT</source>
        <translation>TÀI KHOẢN DEMO</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location line="-73"/>
        <source>Create the administrator</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no users yet. Create the administrator account: it adds the officers, technicians and other users.</source>
        <translation>Cơ sở dữ liệu chưa có người dùng. Hãy tạo tài khoản quản trị: tài khoản này sẽ thêm cán bộ, kỹ thuật viên và những người dùng khác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/security/lock.py" line="+169"/>
        <source>Signed in: %1</source>
        <translation>Đang đăng nhập: %1</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location line="-118"/>
        <source>The screen is locked</source>
        <extracomment>what never reaches the locked window (its shortcuts, clicks and keys), only the lock panel</extracomment>
        <translation>Màn hình đã khóa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/security/users_window.py" line="+89"/>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
</context>
<context>
    <name>SessionControls</name>
    <message>
        <location filename="../../ui/security/station.py" line="+35"/>
        <source>&amp;Account</source>
        <translation>&amp;Tài khoản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;password...</source>
        <translation>Đổi &amp;mật khẩu...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Users...</source>
        <translation>&amp;Người dùng...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/security/dialogs.py" line="-59"/>
        <location line="+11"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter your user name and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This account may not do this here; sign in as a technician.</source>
        <translation>Tài khoản này không được làm việc này ở đây; hãy đăng nhập bằng tài khoản kỹ thuật viên.</translation>
    </message>
</context>
<context>
    <name>TechnicianGate</name>
    <message>
        <location filename="../../ui/security/gate.py" line="+34"/>
        <source>Technician</source>
        <translation>Kỹ thuật viên</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/security/users_window.py" line="-66"/>
        <source>Reception officer</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation>Lễ tân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician</source>
        <translation>Kỹ thuật viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Director</source>
        <translation>Giám đốc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>UsersWindow</name>
    <message>
        <location line="+68"/>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last sign-in</source>
        <translation>Lần đăng nhập cuối</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add...</source>
        <translation>Thêm...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles...</source>
        <translation>Vai trò...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password...</source>
        <translation>Đặt lại mật khẩu...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Audit log: entry %1, chain head %2</source>
        <translation>Nhật ký: mục %1, dấu chuỗi %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last sent to the province: entry %1 (%2)</source>
        <translation>Lần gửi gần nhất cho tỉnh: mục %1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
</context>
</TS>
