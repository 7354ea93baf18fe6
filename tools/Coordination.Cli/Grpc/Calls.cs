using Google.Protobuf;
using Grpc.Core;
using ServiceMethod = Google.Protobuf.Reflection.MethodDescriptor;

namespace Coordination.Cli.Grpc;

/// <summary>A gRPC method described at run time: its name from the descriptor, its messages (de)serialised by their parsers.</summary>
public static class Calls
{
    public static Method<IMessage, IMessage> Of(ServiceMethod method, MethodType type) => new(type, method.Service.FullName, method.Name,
        Marshallers.Create<IMessage>(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
        Marshallers.Create<IMessage>(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
}
