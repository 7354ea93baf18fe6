return await Coordination.JointMeeting.JointMeetingService.RunAsync(args);
