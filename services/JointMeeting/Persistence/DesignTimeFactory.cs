using Coordination.ServiceDefaults.Persistence;

namespace Coordination.JointMeeting.Persistence;

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<JointMeetingDb>("coordination_joint_meeting", options => new JointMeetingDb(options));
