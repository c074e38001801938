// A programme action has the body every staff action has.
export { ActionRequestDto as ProgrammeActionDto } from '../../common/action-request.dto';
